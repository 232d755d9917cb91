package id.simpul.identity.user;

import com.jayway.jsonpath.JsonPath;
import id.simpul.identity.Browser;
import id.simpul.identity.IdentityTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class UserApiIntegrationTest {

    static final String PASSWORD = "Simpul-Demo-2026!";

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void browser() {
        browser = new Browser(port);
    }

    @Test
    void withoutATokenTheApiAnswers401AsAProblem() {
        HttpResponse<String> response = browser.get("/api/users");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("https://simpul.id/problems/unauthorized");
    }

    @Test
    void aViewerIsRefusedWithTheMissingRightNamed() {
        String viewer = new Browser(port).cliAccessToken("viewer", PASSWORD);

        HttpResponse<String> response = call("GET", "/api/users", viewer, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(response.body(), "$.type")).isEqualTo("https://simpul.id/problems/forbidden");
        assertThat(JsonPath.<String>read(response.body(), "$.missingRight")).startsWith("users.administer");
    }

    @Test
    void aProvinceOfficerCreatesUsersInsideTheirProvinceOnly() {
        String officer = new Browser(port).cliAccessToken("kominfo.kalsel", PASSWORD);

        HttpResponse<String> inside = call("POST", "/api/users", officer, newUser("officer.tapin", "REGENCY_OFFICER", "63.05"));
        assertThat(inside.statusCode()).as(inside.body()).isEqualTo(201);
        assertThat(inside.headers().firstValue("Location").orElseThrow()).isEqualTo("/api/users/" + JsonPath.read(inside.body(), "$.id"));
        assertThat(JsonPath.<String>read(inside.body(), "$.createdBy")).isEqualTo("kominfo.kalsel");
        assertThat(inside.body()).doesNotContain("passwordHash").doesNotContain("Kuat-Sekali-2026");

        HttpResponse<String> outside = call("POST", "/api/users", officer, newUser("officer.kaltim", "REGENCY_OFFICER", "64.01"));
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(outside.body(), "$.missingRight")).contains("64.01");

        HttpResponse<String> national = call("POST", "/api/users", officer, newUser("officer.national", "VIEWER", ""));
        assertThat(national.statusCode()).isEqualTo(403);
    }

    @Test
    void aProvinceOfficerCannotGrantMinistryAdmin() {
        String officer = new Browser(port).cliAccessToken("kominfo.kalsel", PASSWORD);

        HttpResponse<String> response = call("POST", "/api/users", officer, newUser("would.be.admin", "MINISTRY_ADMIN", "63"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(response.body(), "$.missingRight")).startsWith("roles.grant MINISTRY_ADMIN");
    }

    @Test
    void aProvinceOfficerListsOnlyTheUsersOfTheirProvince() {
        String officer = new Browser(port).cliAccessToken("kominfo.kalsel", PASSWORD);

        HttpResponse<String> response = call("GET", "/api/users?size=100", officer, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> scopes = JsonPath.read(response.body(), "$.items[*].regionScope");
        assertThat(scopes).isNotEmpty().allSatisfy(scope -> assertThat(scope).matches("63(\\..*)?"));
        assertThat(JsonPath.<List<String>>read(response.body(), "$.items[*].username")).contains("kominfo.banjar")
                .doesNotContain("admin@kemkomdigi", "viewer");
    }

    @Test
    void weakAndCommonPasswordsAreRefused() {
        String admin = new Browser(port).cliAccessToken("admin@kemkomdigi", PASSWORD);

        HttpResponse<String> shortOne = call("POST", "/api/users", admin,
                "{\"username\":\"short.pw\",\"password\":\"Ab1!\",\"roles\":[\"VIEWER\"],\"regionScope\":\"\"}");
        HttpResponse<String> common = call("POST", "/api/users", admin,
                "{\"username\":\"common.pw\",\"password\":\"password123\",\"roles\":[\"VIEWER\"],\"regionScope\":\"\"}");

        assertThat(shortOne.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(shortOne.body(), "$.errors[0].field")).isEqualTo("password");
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(JsonPath.<String>read(common.body(), "$.errors[0].message")).contains("common");
    }

    @Test
    void anAdminDisablesAndEnablesAUserAnywhere() {
        String admin = new Browser(port).cliAccessToken("admin@kemkomdigi", PASSWORD);
        HttpResponse<String> created = call("POST", "/api/users", admin, newUser("officer.papua", "PROVINCE_OFFICER", "91"));
        String id = JsonPath.read(created.body(), "$.id");

        HttpResponse<String> disabled = call("POST", "/api/users/" + id + "/disable", admin, null);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(call("GET", "/api/users/" + id, admin, null).body(), "$.enabled")).isFalse();
        assertThat(new Browser(port).signIn("officer.papua", "Kuat-Sekali-2026")).endsWith("/login?disabled");

        call("POST", "/api/users/" + id + "/enable", admin, null);
        assertThat(JsonPath.<Boolean>read(call("GET", "/api/users/" + id, admin, null).body(), "$.enabled")).isTrue();
    }

    private static String newUser(String username, String role, String scope) {
        return "{\"username\":\"" + username + "\",\"password\":\"Kuat-Sekali-2026\",\"roles\":[\"" + role
                + "\"],\"regionScope\":\"" + scope + "\"}";
    }

    private HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return browser.send(request);
    }
}
