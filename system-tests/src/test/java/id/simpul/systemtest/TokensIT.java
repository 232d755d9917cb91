package id.simpul.systemtest;

import id.simpul.contracts.Topics;
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
            Http http = system.http(service);
            Http.Response answer = http.send(HttpRequest.newBuilder(http.uri("/api/admin/consistency"))
                    .header("Authorization", "Bearer " + forged).GET());

            assertThat(answer.status()).as(service).isEqualTo(401);
            assertThat((String) answer.json("$.type")).as(service).isEqualTo("https://simpul.id/problems/unauthorized");
            assertThat(answer.header("WWW-Authenticate")).as(service).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
    }

    @Test
    void theCallerOfARealTokenIsTheActorOfTheEventsItsRequestCauses() {
        Http identity = system.http("identity-service");
        Http.Response token = identity.send(HttpRequest.newBuilder(identity.uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "outside-dashboard:outside-dashboard-demo-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=simpul.read")));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String bearer = "Bearer " + token.json("$.access_token");

        Http.Response created = registry.send(HttpRequest.newBuilder(registry.uri("/api/kims"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "KIM Bertoken %s", "villageCode": "63.03.05.1005", "memberCount": 20,
                         "decree": {"number": "9/SK/2024", "date": "2024-03-01", "issuer": "Lurah"}}"""
                        .formatted(UUID.randomUUID().toString().substring(0, 6)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String kimId = created.json("$.id");

        ConsumerRecord<String, String> registered = TopicRecords.read(system.kafka(), Topics.KIMS, r -> kimId.equals(r.key()), 1,
                Duration.ofSeconds(30)).getFirst();
        assertThat(TopicRecords.header(registered, "ce_actorid")).isEqualTo("outside-dashboard");
        assertThat(TopicRecords.header(registered, "ce_actorroles")).isEqualTo("VIEWER");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The services that take identity-service's tokens. */
    private static final class LocalStackServices {
        static final java.util.List<String> EVENT_DRIVEN = java.util.List.of("registry-service", "training-service", "reporting-service");
    }
}
