package id.simpul.systemtest;

import id.simpul.contracts.Topics;
import id.simpul.localstack.SignIn;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens with every service running: the services take the tokens of the embedded identity-service (as
 * {@code ./simpul start} wires them), refuse forged ones with 401, and record the caller of a real one as the actor
 * of the events its request causes.
 */
class TokensIT {

    private static SimpulSystem system;
    private static Http registry;

    @BeforeAll
    static void startSystem() {
        system = SimpulSystem.get();
        registry = system.http("registry-service");
    }

    @Test
    void aForgedTokenIs401InEveryService() {
        String forged = base64("{\"alg\":\"RS256\",\"kid\":\"made-up\"}") + "." + base64("{\"sub\":\"admin@kemkomdigi\","
                + "\"roles\":[\"MINISTRY_ADMIN\"],\"aud\":\"simpul\",\"exp\":4102444800}") + "." + base64("not a signature");
        for (String service : LocalStackServices.EVENT_DRIVEN) {
            Http http = system.anonymous(service);
            Http.Response answer = http.send(HttpRequest.newBuilder(http.uri("/api/admin/consistency"))
                    .header("Authorization", "Bearer " + forged).GET());

            assertThat(answer.status()).as(service).isEqualTo(401);
            assertThat((String) answer.json("$.type")).as(service).isEqualTo("https://simpul.id/problems/unauthorized");
            assertThat(answer.header("WWW-Authenticate")).as(service).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
    }

    @Test
    void aPersonSignedInThroughTheRealFlowIsTheActorOfTheEventsTheirRequestCauses() {
        Http banjar = system.as("kominfo.banjar", "registry-service");

        Http.Response created = banjar.postJson("/api/kims", """
                {"name": "KIM Bertoken %s", "villageCode": "63.03.05.1005", "memberCount": 20,
                 "decree": {"number": "9/SK/2024", "date": "2024-03-01", "issuer": "Lurah"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String kimId = created.json("$.id");

        ConsumerRecord<String, String> registered = TopicRecords.read(system.kafka(), Topics.KIMS, r -> kimId.equals(r.key()), 1,
                Duration.ofSeconds(30)).getFirst();
        assertThat(TopicRecords.header(registered, "ce_actorid")).isEqualTo("kominfo.banjar");
        assertThat(TopicRecords.header(registered, "ce_actorroles")).isEqualTo("REGENCY_OFFICER");
        assertThat(TopicRecords.header(registered, "ce_actorscope")).isEqualTo("63.03");
        assertThat((String) created.json("$.history[0].by.id")).isEqualTo("kominfo.banjar");
    }

    @Test
    void anOutsideDashboardReadsWithClientCredentialsAndChangesNothing() {
        String bearer = "Bearer " + SignIn.clientToken(system.config.identityIssuer(), "outside-dashboard", "outside-dashboard-demo-secret");

        Http.Response summary = withBearer("reporting-service", bearer, "/api/dashboard/summary");
        Http.Response programmes = withBearer("training-service", bearer, "/api/programmes");
        Http.Response register = registry.send(HttpRequest.newBuilder(registry.uri("/api/kims"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(summary.status()).isEqualTo(200);
        assertThat(programmes.status()).as(programmes.body()).isEqualTo(200);
        assertThat(register.status()).as(register.body()).isEqualTo(403);
        assertThat((String) register.json("$.missingRight")).isEqualTo("kims.register");
    }

    @Test
    void theReadmesOutsideDashboardExampleReadsTheProgrammes() throws Exception {
        String readme = java.nio.file.Files.readString(system.config.root().resolve("README.md"));
        java.util.regex.Matcher example = java.util.regex.Pattern.compile("```bash\n(DASHBOARD=.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(readme);
        assertThat(example.find()).as("the README shows an outside dashboard's token").isTrue();
        String script = example.group(1).replace("localhost:8083", "localhost:" + system.config.port("identity-service"))
                .replace("localhost:8082", "localhost:" + system.config.port("training-service"));

        Process run = new ProcessBuilder("bash", "-c", "set -e\n" + script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(out).isZero();

        assertThat(out).as("the programmes, as JSON").startsWith("{").contains("\"items\"");
    }

    private static Http.Response withBearer(String service, String bearer, String path) {
        Http http = system.anonymous(service);
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Authorization", bearer).GET());
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The services that take identity-service's tokens. */
    private static final class LocalStackServices {
        static final java.util.List<String> EVENT_DRIVEN = java.util.List.of("registry-service", "training-service", "reporting-service");
    }
}
