package id.simpul.identity.user;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DelegationTest {

    static final Delegation.Administrator KALSEL =
            new Delegation.Administrator("kominfo.kalsel", Set.of(Role.PROVINCE_OFFICER), new RegionScope("63"));

    @Test
    void aProvinceOfficerManagesARegencyOfficerInsideTheProvince() {
        assertThat(Delegation.mayManage(KALSEL, Set.of(Role.REGENCY_OFFICER), new RegionScope("63.03"))).isEmpty();
    }

    @Test
    void aProvinceOfficerDoesNotManageOutsideTheProvince() {
        assertThat(Delegation.mayManage(KALSEL, Set.of(Role.VIEWER), new RegionScope("64"))).isPresent();
        assertThat(Delegation.mayManage(KALSEL, Set.of(Role.VIEWER), RegionScope.NATIONAL)).isPresent();
    }

    @Test
    void aProvinceOfficerGrantsNoRoleAboveTheirOwn() {
        assertThat(Delegation.mayManage(KALSEL, Set.of(Role.MINISTRY_ADMIN), new RegionScope("63"))).get().asString()
                .startsWith("roles.grant MINISTRY_ADMIN");
        assertThat(Delegation.mayManage(KALSEL, Set.of(Role.OPERATOR), new RegionScope("63"))).isPresent();
    }

    @Test
    void aMinistryAdminManagesAnyoneAnywhere() {
        var admin = new Delegation.Administrator("admin", Set.of(Role.MINISTRY_ADMIN), RegionScope.NATIONAL);
        assertThat(Delegation.mayManage(admin, Set.of(Role.MINISTRY_ADMIN), new RegionScope("91.01"))).isEmpty();
    }

    @Test
    void aRegencyOfficerAdministersNoOne() {
        var banjar = new Delegation.Administrator("kominfo.banjar", Set.of(Role.REGENCY_OFFICER), new RegionScope("63.03"));
        assertThat(Delegation.mayAdminister(banjar)).get().asString().startsWith("users.administer");
    }

    @Test
    void aScopeCoversOnlyCodesInsideIt() {
        assertThat(new RegionScope("63").covers(new RegionScope("63.03.05.1005"))).isTrue();
        assertThat(new RegionScope("63").covers(new RegionScope("63"))).isTrue();
        assertThat(new RegionScope("63.03").covers(new RegionScope("63.04"))).isFalse();
        assertThat(RegionScope.NATIONAL.covers(new RegionScope("94"))).isTrue();
    }
}
