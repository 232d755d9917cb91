package id.simpul.identity;

import id.simpul.testinfra.AccessMatrix;
import id.simpul.testinfra.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of identity-service's OpenAPI document, anonymously and as each demo user (one per role), their
 * tokens issued by this identity-service through the authorization code + PKCE flow: refused where docs/access.md
 * says no, let through the door where it grants the role anything.
 */
@IdentityTest
class AccessMatrixIntegrationTest {

    static final String PASSWORD = "Simpul-Demo-2026!";
    private static final Map<String, String> DEMO_USERS = Map.of("VIEWER", "viewer", "KIM_OFFICER", "kim.sungaiparing",
            "PARTNER", "dinkes.banjar", "PROGRAMME_MANAGER", "pm.stunting", "REGENCY_OFFICER", "kominfo.banjar",
            "PROVINCE_OFFICER", "kominfo.kalsel", "MINISTRY_ADMIN", "admin@kemkomdigi", "OPERATOR", "operator");

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        Map<String, Caller> callers = new ConcurrentHashMap<>();
        DEMO_USERS.forEach((role, user) -> callers.put(role, new Caller(user, List.of(role), "", null, null)));
        Map<Caller, String> tokens = new ConcurrentHashMap<>();

        List<String> mismatches = new AccessMatrix(port, "identity-service", callers,
                caller -> tokens.computeIfAbsent(caller, c -> new Browser(port).cliAccessToken(c.id(), PASSWORD))).mismatches();

        assertThat(mismatches).isEmpty();
    }
}
