package id.simpul.identity;

import com.jayway.jsonpath.JsonPath;
import id.simpul.identity.user.Delegation;
import id.simpul.identity.user.DemoUsers;
import id.simpul.identity.user.RegionScope;
import id.simpul.identity.user.Role;
import id.simpul.identity.user.UserAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class SignInIntegrationTest {

    static final String PASSWORD = "Simpul-Demo-2026!";

    @LocalServerPort
    int port;

    @Autowired
    UserAdministration administration;

    @Autowired
    MovableClock clock;

    @Test
    void authorizationCodeWithPkceGivesTokensCarryingRolesScopeAndKim() {
        String tokens = new Browser(port).cliTokens("kim.sungaiparing", PASSWORD);

        String access = Browser.claims(JsonPath.read(tokens, "$.access_token"));
        assertThat(JsonPath.<List<String>>read(access, "$.roles")).containsExactly("KIM_OFFICER");
        assertThat(JsonPath.<String>read(access, "$.region_scope")).isEqualTo("63.03.05.1005");
        assertThat(JsonPath.<String>read(access, "$.kim_id")).isEqualTo(DemoUsers.KIM_SUNGAI_PARING);
        assertThat(Browser.audience(access)).contains("simpul");
        assertThat(JsonPath.<String>read(access, "$.sub")).isEqualTo("kim.sungaiparing");
        assertThat(JsonPath.<String>read(access, "$.iss")).isEqualTo("http://localhost:8083");

        String id = Browser.claims(JsonPath.read(tokens, "$.id_token"));
        assertThat(Browser.audience(id)).contains("simpul-cli", "simpul");
        assertThat(JsonPath.<List<String>>read(id, "$.roles")).containsExactly("KIM_OFFICER");
        assertThat(JsonPath.<String>read(id, "$.kim_id")).isEqualTo(DemoUsers.KIM_SUNGAI_PARING);
    }

    @Test
    void partnerUsersCarryTheirPartnerId() {
        String access = Browser.claims(new Browser(port).cliAccessToken("dinkes.banjar", PASSWORD));

        assertThat(JsonPath.<String>read(access, "$.partner_id")).isEqualTo(DemoUsers.DINKES_BANJAR);
        assertThat(JsonPath.<String>read(access, "$.region_scope")).isEqualTo("63.03");
        assertThat(JsonPath.<List<String>>read(access, "$.roles")).containsExactly("PARTNER");
    }

    @Test
    void clientCredentialsGiveTheOutsideDashboardAViewerToken() {
        HttpResponse<String> response = new Browser(port).postForm("/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", "simpul.read"),
                "Authorization", basic("outside-dashboard", "outside-dashboard-demo-secret"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String access = Browser.claims(JsonPath.read(response.body(), "$.access_token"));
        assertThat(JsonPath.<List<String>>read(access, "$.roles")).containsExactly("VIEWER");
        assertThat(Browser.audience(access)).containsExactly("simpul");
        assertThat(JsonPath.<String>read(access, "$.sub")).isEqualTo("outside-dashboard");
    }

    @Test
    void thePasswordGrantIsRefused() {
        HttpResponse<String> response = new Browser(port).postForm("/oauth2/token",
                Map.of("grant_type", "password", "username", "viewer", "password", PASSWORD),
                "Authorization", basic("simpul-web", "simpul-web-demo-secret"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("unsupported_grant_type");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void theImplicitFlowIsRefused() {
        Browser browser = new Browser(port);
        browser.signIn("viewer", PASSWORD);

        HttpResponse<String> response = browser.get("/oauth2/authorize?" + Browser.encode(Map.of("response_type", "token",
                "client_id", "simpul-cli", "redirect_uri", Browser.CLI_REDIRECT, "scope", "openid", "state", "abc")), "Accept", "text/html");

        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("access_token");
        assertThat(response.statusCode() == 400 || location.contains("error=unsupported_response_type"))
                .as(response.statusCode() + " " + location + " " + response.body()).isTrue();
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void fiveWrongPasswordsLockTheAccountUntilTheLockEnds(org.springframework.boot.test.system.CapturedOutput log) {
        administration.create(admin(), new UserAdministration.NewUser("lock.test", "Lock test", "Tahan-Kunci-2026",
                Set.of(Role.VIEWER), "", null, null));
        Browser browser = new Browser(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.signIn("lock.test", "wrong-password-" + i)).endsWith("/login?error");
        }
        assertThat(browser.signIn("lock.test", "wrong-password-5")).endsWith("/login?locked");

        assertThat(browser.signIn("lock.test", "Tahan-Kunci-2026")).endsWith("/login?locked");

        clock.advance(Duration.ofMinutes(16));
        assertThat(browser.signIn("lock.test", "Tahan-Kunci-2026")).doesNotContain("/login");
        assertThat(log.getOut()).as("every sign-in is logged").contains("sign-in outcome=bad-credentials user=lock.test",
                "sign-in outcome=locked user=lock.test", "sign-in outcome=success user=lock.test");
    }

    @Test
    void theSignInPageSpeaksIndonesianByDefaultAndEnglishWhenAsked() {
        Browser browser = new Browser(port);

        assertThat(browser.get("/login").body()).contains("lang=\"id\"", "Masuk ke Simpul", "Kata sandi", "name=\"viewport\"");
        assertThat(browser.get("/login?lang=en").body()).contains("lang=\"en\"", "Sign in to Simpul", "Password");
        assertThat(browser.get("/login", "Accept-Language", "en-GB,en;q=0.9").body()).contains("Sign in to Simpul");
        assertThat(browser.get("/login?error&lang=en").body()).contains("Wrong username or password.");
        assertThat(browser.get("/login?error").body()).contains("Nama pengguna atau kata sandi salah.");
    }

    @Test
    void aDisabledUserCannotSignIn() {
        var user = administration.create(admin(), new UserAdministration.NewUser("disabled.test", null, "Nonaktif-2026!",
                Set.of(Role.VIEWER), "", null, null));
        administration.setEnabled(admin(), user.id(), false);

        assertThat(new Browser(port).signIn("disabled.test", "Nonaktif-2026!")).endsWith("/login?disabled");
    }

    @Test
    void aUserDisabledAfterSigningInGetsNoTokens() {
        var user = administration.create(admin(), new UserAdministration.NewUser("disabled.later", null, "Nonaktif-Nanti-2026",
                Set.of(Role.VIEWER), "", null, null));
        Browser.Code code = new Browser(port).cliCode("disabled.later", "Nonaktif-Nanti-2026");

        administration.setEnabled(admin(), user.id(), false);
        HttpResponse<String> tokens = code.exchange();

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(tokens.body(), "$.error")).isEqualTo("invalid_grant");
        assertThat(tokens.body()).doesNotContain("access_token");
    }

    @Test
    void theCodeWithoutTheRightVerifierIsRefused() {
        Browser browser = new Browser(port);
        Browser.Code code = browser.cliCode("viewer", PASSWORD);

        HttpResponse<String> tokens = browser.postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code.value(), "redirect_uri", Browser.CLI_REDIRECT, "client_id", "simpul-cli", "code_verifier", "not-the-verifier-" + "x".repeat(40)));

        assertThat(tokens.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(tokens.body(), "$.error")).isEqualTo("invalid_grant");
    }

    static Delegation.Administrator admin() {
        return new Delegation.Administrator("admin@kemkomdigi", Set.of(Role.MINISTRY_ADMIN), RegionScope.NATIONAL);
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
