package id.simpul.systemtest;

import id.simpul.localstack.Launcher;
import id.simpul.testinfra.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka or the store away, as an operator sees it: every health request answers within 2 s whatever is down; with
 * Kafka away the services stay ready and take writes; with the store away writes get 503 with {@code Retry-After}
 * within a couple of seconds, the services are not ready, and each recovers by itself when the store returns,
 * without losing or dead-lettering an event.
 */
class OutagesIT {

    private static final List<String> SERVICES = List.of("registry-service", "training-service", "reporting-service");
    private static final long HEALTH_BUDGET_MS = 2000;

    private static SimpulSystem system;
    private static Http registry;
    private static Http training;
    private static Http reporting;

    @BeforeAll
    static void startSystem() {
        system = SimpulSystem.get();
        registry = system.http("registry-service");
        training = system.http("training-service");
        reporting = system.http("reporting-service");
    }

    @Test
    void withKafkaAwayEveryServiceStaysReadyAndTakesWrites() {
        system.launcher.kill(Launcher.KAFKA);
        try {
            for (String service : SERVICES) {
                // Each service checks Kafka in the background every 2 s: it tells within a few seconds.
                await().atMost(Duration.ofSeconds(15)).until(() -> "DOWN".equals(timed(system.http(service), "/actuator/health")
                        .json("$.components.kafka.status")));
                Http.Response readiness = timed(system.http(service), "/actuator/health/readiness");
                assertThat(readiness.status()).as(service + " " + readiness.body()).isEqualTo(200);
                assertThat((String) readiness.json("$.status")).isEqualTo("UP");
                Http.Response health = timed(system.http(service), "/actuator/health");
                assertThat(health.status()).as("the overall health tells Kafka is away").isEqualTo(503);
                assertThat((String) health.json("$.components.kafka.status")).isEqualTo("DOWN");
            }
            Http.Response kim = registry.postJson("/api/kims", kim("KIM Saat Kafka Pergi"));
            assertThat(kim.status()).as(kim.body()).isEqualTo(201);
            Http.Response partner = training.postJson("/api/partners", """
                    {"name": "Puskesmas Saat Kafka Pergi", "type": "HEALTH_FACILITY", "regionCode": "12.71"}""");
            assertThat(partner.status()).as(partner.body()).isEqualTo(201);
        } finally {
            system.launcher.start(Launcher.KAFKA);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(timed(registry, "/actuator/health").json("$.status")));
    }

    @Test
    void withTheStoreAwayWritesGet503QuicklyAndEveryServiceRecoversByItself() {
        Map<String, Long> waitingBefore = deadLettersWaiting();
        system.launcher.kill(Launcher.MONGO);
        long refusedInMs;
        try {
            long started = System.nanoTime();
            Http.Response refused = registry.postJson("/api/kims", kim("KIM Saat Basis Data Pergi"));
            refusedInMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).hasValue("5");
            assertThat((String) refused.json("$.type")).endsWith("/store-unavailable");
            assertThat(refusedInMs).as("answered within a couple of seconds").isLessThan(4000);
            Http.Response partner = training.postJson("/api/partners", """
                    {"name": "Puskesmas Saat Basis Data Pergi", "type": "HEALTH_FACILITY", "regionCode": "12.71"}""");
            assertThat(partner.status()).as(partner.body()).isEqualTo(503);
            assertThat(partner.header("Retry-After")).isPresent();
            assertThat(registry.get("/api/kims?size=1").status()).as("reads that need the store").isEqualTo(503);

            for (String service : SERVICES) {
                await().atMost(Duration.ofSeconds(15)).until(() -> "DOWN".equals(
                        timed(system.http(service), "/actuator/health/readiness").json("$.status")));
                assertThat(timed(system.http(service), "/actuator/health/readiness").status()).isEqualTo(503);
            }
        } finally {
            system.launcher.start(Launcher.MONGO);
        }

        long back = System.nanoTime();
        for (String service : SERVICES) {
            await().atMost(Duration.ofSeconds(60)).until(() -> "UP".equals(
                    timed(system.http(service), "/actuator/health/readiness").json("$.status")));
        }
        long readyAfterMs = (System.nanoTime() - back) / 1_000_000;
        long total = total();
        Http.Response accepted = registry.postJson("/api/kims", kim("KIM Setelah Basis Data Kembali"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> total() == total + 1);
        assertThat(deadLettersWaiting()).as("an outage of the store dead-letters nothing").isEqualTo(waitingBefore);
        System.out.printf("Store away: a write was refused with 503 after %d ms; all services ready %d ms after the store "
                + "returned%n", refusedInMs, readyAfterMs);
    }

    /** The answer at {@code path}, which must come within the health budget. */
    private static Http.Response timed(Http service, String path) {
        long started = System.nanoTime();
        Http.Response response = service.get(path);
        long took = (System.nanoTime() - started) / 1_000_000;
        assertThat(took).as(path + " answered in " + took + " ms").isLessThan(HEALTH_BUDGET_MS);
        return response;
    }

    private static Map<String, Long> deadLettersWaiting() {
        Supplier<Long> training = () -> ((Number) OutagesIT.training.get("/api/admin/dead-letters?status=WAITING&size=1")
                .json("$.totalItems")).longValue();
        Supplier<Long> reportingCount = () -> ((Number) reporting.get("/api/admin/dead-letters?status=WAITING&size=1")
                .json("$.totalItems")).longValue();
        return Map.of("training-service", training.get(), "reporting-service", reportingCount.get());
    }

    private static long total() {
        return ((Number) reporting.get("/api/dashboard/summary").json("$.kims.total")).longValue();
    }

    /** A KIM in Kota Medan (North Sumatra), where the national sample rules apply. */
    private static String kim(String name) {
        return """
                {"name": "%s %s", "villageCode": "12.71.01.1001", "memberCount": 12}""".formatted(name, java.util.UUID.randomUUID());
    }
}
