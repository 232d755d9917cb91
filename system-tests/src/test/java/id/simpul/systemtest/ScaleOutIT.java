package id.simpul.systemtest;

import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.localstack.JavaProcess;
import id.simpul.localstack.KafkaBroker;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of reporting-service on one system, as a deployment scales out: they share the topics' partitions
 * through their consumer group, so each writes only part of the read models, and yet both serve the same figures
 * within a second, because each announces what it wrote to the other (long before the five-minute full read).
 */
class ScaleOutIT {

    private static final String GROUP = "simpul-reporting";

    private static SimpulSystem system;
    private static Http registry;
    private static Http first;
    private static Http second;
    private static JavaProcess extra;

    @BeforeAll
    static void startASecondReportingInstance() {
        system = SimpulSystem.get();
        registry = system.http("registry-service");
        first = system.http("reporting-service");
        int port = KafkaBroker.freePort();
        extra = system.launcher.startInstance("reporting-service", port);
        second = Http.local(port).as(() -> system.token("admin@kemkomdigi"));
        // Three consumer threads of the KIM topic each: six of the group's members hold its partitions once the
        // second instance has joined (one each).
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> kimConsumers().size() == 6);
    }

    @AfterAll
    static void stopIt() {
        if (extra != null) {
            extra.stop(Duration.ofSeconds(45));
        }
    }

    @Test
    void theSecondInstanceStartsFromTheStartCacheThatTheSystemsStartMade() {
        // SimpulSystem starts with Launcher.start, which makes each service's start cache after the system is up.
        assertThat(extra.commandLine()).as("the second instance's command line")
                .containsAnyOf("-XX:AOTCache=", "-XX:SharedArchiveFile=")
                .contains("start-cache");
    }

    @Test
    void theInstancesShareThePartitionsAndServeTheSameFiguresWithinASecond() {
        Map<String, Set<Integer>> held = kimConsumers();
        assertThat(held.values().stream().mapToInt(Set::size).sum()).as("each partition held once, in %s", held)
                .isEqualTo(Topics.PARTITIONS);
        assertThat(held.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(Topics.PARTITIONS);

        List<Long> lags = new ArrayList<>();
        long firstWroteBefore = registered(first);
        long secondWroteBefore = registered(second);
        for (int i = 0; i < 20 && (lags.size() < 6 || registered(first) == firstWroteBefore
                || registered(second) == secondWroteBefore); i++) {
            await().atMost(Duration.ofSeconds(30)).until(() -> total(first) == total(second));
            long before = total(first);
            Http.Response created = registry.postJson("/api/kims", kim("KIM Skala " + UUID.randomUUID().toString().substring(0, 8),
                    "63.03.05.1005"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long[] seen = {0, 0};
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                long now = System.nanoTime() - started;
                if (seen[0] == 0 && total(first) == before + 1) {
                    seen[0] = now;
                }
                if (seen[1] == 0 && total(second) == before + 1) {
                    seen[1] = now;
                }
                return seen[0] != 0 && seen[1] != 0;
            });
            lags.add(Math.abs(seen[0] - seen[1]) / 1_000_000);
        }
        List<Long> sorted = lags.stream().sorted().toList();
        System.out.printf("Two reporting instances: the second shows a new KIM %s ms after the first%n", lags);

        assertThat(registered(first)).as("the first instance projected some of the KIMs").isGreaterThan(firstWroteBefore);
        assertThat(registered(second)).as("the second instance projected some of the KIMs").isGreaterThan(secondWroteBefore);
        assertThat(sorted.get(sorted.size() / 2)).as("median lag in ms, of %s", lags).isLessThanOrEqualTo(1_000);
        assertThat(sorted.getLast()).as("longest lag in ms, of %s", lags).isLessThanOrEqualTo(5_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> figures(first).equals(figures(second)));
    }

    /** The members of the group that hold partitions of the KIM topic, with them. */
    private static Map<String, Set<Integer>> kimConsumers() {
        Map<String, Set<Integer>> held = new java.util.HashMap<>(TopicRecords.assignments(system.kafka(), GROUP, Topics.KIMS));
        held.values().removeIf(Set::isEmpty);
        return held;
    }

    /** How many KIM registrations this instance projected itself (its own meter). */
    private static long registered(Http reporting) {
        Http.Response metric = reporting.get("/actuator/metrics/simpul.events.handled?tag=type:" + EventTypes.KIM_REGISTERED);
        if (metric.status() == 404) {
            return 0; // none handled yet
        }
        assertThat(metric.status()).as(metric.body()).isEqualTo(200);
        return ((Number) metric.json("$.measurements[0].value")).longValue();
    }

    private static long total(Http reporting) {
        return ((Number) reporting.get("/api/dashboard/summary").json("$.kims.total")).longValue();
    }

    /** The summary without the moment it was computed. */
    private static String figures(Http reporting) {
        return reporting.get("/api/dashboard/summary").body().replaceAll("\"updatedAt\":\"[^\"]*\"", "");
    }

    private static String kim(String name, String villageCode) {
        return """
                {"name": "%s", "villageCode": "%s", "memberCount": 20,
                 "decree": {"number": "5/SK/2022", "date": "2022-05-05", "issuer": "Kepala Desa"}}""".formatted(name, villageCode);
    }
}
