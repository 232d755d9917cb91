package id.simpul.web.kim;

import id.simpul.web.workspace.Me;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KimStepsTest {

    private static final Map<String, Object> SUBMITTED_BY_BANJAR = Map.of(
            "status", "SUBMITTED", "allowedTransitions", List.of("VERIFIED", "REJECTED", "DISSOLVED"),
            "history", List.of(Map.of("to", "SUBMITTED", "by", Map.of("id", "kominfo.banjar"))));

    private static Me person(String username, String role, String scope) {
        return new Me(username, username, List.of(role), scope, "", "");
    }

    @Test
    void aRegencyOfficerIsOfferedNoVerification() {
        assertThat(KimSteps.offered(SUBMITTED_BY_BANJAR, person("kominfo.banjar", "REGENCY_OFFICER", "63.03")))
                .containsExactly("REJECTED", "DISSOLVED");
    }

    @Test
    void theProvinceVerifiesWhatAnotherSubmitted() {
        assertThat(KimSteps.offered(SUBMITTED_BY_BANJAR, person("kominfo.kalsel", "PROVINCE_OFFICER", "63")))
                .containsExactly("VERIFIED", "REJECTED", "DISSOLVED");
    }

    @Test
    void whoeverSubmittedDoesNotVerify() {
        assertThat(KimSteps.offered(SUBMITTED_BY_BANJAR, person("kominfo.banjar", "PROVINCE_OFFICER", "63")))
                .doesNotContain("VERIFIED");
    }

    @Test
    void rolesWithoutTheRightToChangeStatusAreOfferedNothing() {
        assertThat(KimSteps.offered(SUBMITTED_BY_BANJAR, person("pm.stunting", "PROGRAMME_MANAGER", ""))).isEmpty();
        assertThat(KimSteps.offered(SUBMITTED_BY_BANJAR, person("viewer", "VIEWER", ""))).isEmpty();
    }
}
