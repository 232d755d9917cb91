package id.simpul.identity.key;

import com.jayway.jsonpath.JsonPath;
import id.simpul.identity.Browser;
import id.simpul.identity.IdentityApplication;
import id.simpul.identity.IdentityTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class SigningKeysIntegrationTest {

    static final String PASSWORD = "Simpul-Demo-2026!";

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void keysSurviveARestartAndRotationPublishesOldAndNewUntilTheOldIsRetired() {
        List<String> before = kids(port);
        assertThat(before).isNotEmpty();

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=0", "--spring.mongodb.uri=" + environment.getProperty("spring.mongodb.uri"),
                "--spring.mongodb.database=" + environment.getProperty("spring.mongodb.database"))) {
            int restartedPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            assertThat(kids(restartedPort)).containsExactlyElementsOf(before);
        }

        String oldToken = new Browser(port).cliAccessToken("admin@kemkomdigi", PASSWORD);
        String rotated = send("POST", "/api/admin/keys/rotate", oldToken);
        String newKid = JsonPath.read(rotated, "$[0].kid");
        assertThat(JsonPath.<String>read(rotated, "$[0].status")).isEqualTo("ACTIVE");

        List<String> after = kids(port);
        assertThat(after).contains(newKid).containsAll(before).hasSize(before.size() + 1);
        String newToken = new Browser(port).cliAccessToken("admin@kemkomdigi", PASSWORD);
        assertThat(JsonPath.<String>read(Browser.header(newToken), "$.kid")).isEqualTo(newKid);
        assertThat(send("GET", "/api/users", oldToken)).contains("\"items\"");

        for (String old : before) {
            assertThat(send("POST", "/api/admin/keys/" + old + "/retire", newToken)).contains("RETIRED");
        }
        assertThat(kids(port)).containsExactly(newKid);
    }

    @Test
    void onlyAMinistryAdminRotatesKeys() {
        String operator = new Browser(port).cliAccessToken("kominfo.kalsel", PASSWORD);

        var response = new Browser(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/keys/rotate"))
                .header("Authorization", "Bearer " + operator).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JsonPath.<String>read(response.body(), "$.missingRight")).startsWith("keys.rotate");
    }

    private String send(String method, String path, String token) {
        var response = new Browser(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> kids(int port) {
        var jwks = new Browser(port).get("/oauth2/jwks");
        assertThat(jwks.statusCode()).isEqualTo(200);
        return JsonPath.read(jwks.body(), "$.keys[*].kid");
    }
}
