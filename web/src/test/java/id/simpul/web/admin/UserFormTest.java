package id.simpul.web.admin;

import id.simpul.web.workspace.Me;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserFormTest {

    private static Me as(String role, String scope) {
        return new Me("someone", "Someone", List.of(role), scope, "", "");
    }

    @Test
    void theFormIsTheRequestWithTheRolesTickedAndBlankInputsLeftOut() {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("username", " kim.petugas ");
        fields.add("displayName", "");
        fields.add("password", "Rahasia-Sungai-2026");
        fields.add("regionScope", "63.03.05.1005");
        fields.add("partnerId", "");
        fields.add("kimId", "kim-1");
        fields.add("roles", "VIEWER");
        fields.add("roles", "KIM_OFFICER");
        fields.add("_csrf", "token");

        assertThat(UserForm.request(fields)).containsExactly(
                Map.entry("username", "kim.petugas"),
                Map.entry("password", "Rahasia-Sungai-2026"),
                Map.entry("regionScope", "63.03.05.1005"),
                Map.entry("kimId", "kim-1"),
                // In identity-service's order, highest first.
                Map.entry("roles", List.of("KIM_OFFICER", "VIEWER")));
    }

    @Test
    void noRoleTickedIsSentAsNoRolesSoThatTheServiceNamesTheField() {
        assertThat(UserForm.request(new LinkedMultiValueMap<>())).containsExactly(Map.entry("roles", List.of()));
    }

    @Test
    void aRoleTheServiceDoesNotKnowIsNotSent() {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("roles", "SUPERUSER");
        fields.add("roles", "PARTNER");
        assertThat(UserForm.request(fields)).containsEntry("roles", List.of("PARTNER"));
    }

    @Test
    void theFormShownAgainKeepsWhatWasTypedButNeverThePassword() {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("username", "kim.petugas");
        fields.add("password", "Rahasia-Sungai-2026");
        fields.add("roles", "KIM_OFFICER");

        Map<String, Object> values = UserForm.values(fields);

        assertThat(values).containsEntry("username", "kim.petugas").containsEntry("password", "")
                .containsEntry("regionScope", "").containsEntry("roles", List.of("KIM_OFFICER"));
    }

    @Test
    void theMinistryAdminIsOfferedEveryRoleAndAProvinceOfficerNoneAboveTheirOwn() {
        assertThat(UserForm.grantable(as("MINISTRY_ADMIN", ""))).isEqualTo(UserForm.ROLES);
        assertThat(UserForm.grantable(as("PROVINCE_OFFICER", "63"))).containsExactly("PROVINCE_OFFICER",
                "PROGRAMME_MANAGER", "REGENCY_OFFICER", "PARTNER", "KIM_OFFICER", "VIEWER");
        assertThat(UserForm.grantable(as("REGENCY_OFFICER", "63.03"))).isEmpty();
        assertThat(UserForm.grantable(as("OPERATOR", ""))).isEmpty();
    }

    @Test
    void anErrorOfOneRoleIsShownBesideTheRoleTickBoxes() {
        assertThat(UserForm.errorsByInput(Map.of("roles[]", "must not be null", "password", "is too short")))
                .containsEntry("roles", "must not be null").containsEntry("password", "is too short").hasSize(2);
    }
}
