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
 * A second instance of each event-driven service on one system, as a deployment scales out. The two reporting
 * instances share the topics' partitions through their consumer group, so each writes only part of the read models,
 * and yet both serve the same figures within a second, because each announces what it wrote to the other (long
 * before the five-minute full read). The two training instances share the KIM topic's partitions and keep one view
 * of the KIMs. The two registry instances list each other's new and changed KIMs within a second (each hears the
 * KIM topic), not at the 30-minute full read.
 */
class ScaleOutIT {

    private static final String GROUP = "simpul-reporting";
    private static final String TRAINING_GROUP = "simpul-training";

    private static SimpulSystem system;
    private static Http registry;
    private static Http secondRegistry;
    private static Http first;
    private static Http second;
    private static Http secondTraining;
    private static final Map<String, JavaProcess> extra = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startASecondInstanceOfEachService() {
        system = SimpulSystem.get();
        registry = system.http("registry-service");
        first = system.http("reporting-service");
        Map<String, Integer> ports = Map.of("reporting-service", KafkaBroker.freePort(),
                "registry-service", KafkaBroker.freePort(), "training-service", KafkaBroker.freePort());
        ports.entrySet().stream()
                .map(p -> java.util.concurrent.CompletableFuture.runAsync(
                        () -> extra.put(p.getKey(), system.launcher.startInstance(p.getKey(), p.getValue()))))
                .toList().forEach(java.util.concurrent.CompletableFuture::join);
        second = Http.local(ports.get("reporting-service")).as(() -> system.token("admin@kemkomdigi"));
        secondRegistry = Http.local(ports.get("registry-service")).as(() -> system.token("admin@kemkomdigi"));
        secondTraining = Http.local(ports.get("training-service")).as(() -> system.token("admin@kemkomdigi"));
        // Three consumer threads of the KIM topic each: six of the group's members hold its partitions once the
        // second instance has joined (one each). Training has one thread each: two members, three partitions each.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> kimConsumers().size() == 6
                && consumers(TRAINING_GROUP).size() == 2);
    }

    @AfterAll
    static void stopThem() {
        extra.values().stream()
                .map(process -> java.util.concurrent.CompletableFuture.runAsync(() -> process.stop(Duration.ofSeconds(45))))
                .toList().forEach(java.util.concurrent.CompletableFuture::join);
    }

    @Test
    void theSecondInstancesStartFromTheStartCacheThatTheSystemsStartMade() {
        // SimpulSystem starts with Launcher.start, which makes each service's start cache after the system is up.
        assertThat(extra).hasSize(3);
        extra.forEach((service, process) -> assertThat(process.commandLine()).as("the command line of %s's second instance", service)
                .containsAnyOf("-XX:AOTCache=", "-XX:SharedArchiveFile=")
                .contains("start-cache"));
    }

    @Test
    void eachRegistryInstanceListsWhatTheOtherRegisteredAndChangedWithinASecond() {
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Http writer = i % 2 == 0 ? registry : secondRegistry;
            Http reader = i % 2 == 0 ? secondRegistry : registry;
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String name = "KIM Daftar " + tag;
            String query = "/api/kims?size=5&q=" + tag;
            assertThat(listed(reader, query)).isZero();
            Http.Response created = writer.postJson("/api/kims", kim(name, "63.03.05.1004"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            lags.add(until(() -> listed(reader, query) == 1));

            String id = created.json("$.id");
            Http.Response dissolved = writer.postJson("/api/kims/" + id + "/status",
                    "{\"status\": \"DISSOLVED\", \"reason\": \"Bubar\"}");
            assertThat(dissolved.status()).as(dissolved.body()).isEqualTo(200);
            // The other instance lists the KIM already; only the KIM topic tells it of the change.
            lags.add(until(() -> listed(reader, query + "&status=DISSOLVED") == 1));
        }
        List<Long> sorted = lags.stream().sorted().toList();
        System.out.printf("Two registry instances: the other lists a new or changed KIM %s ms after the answer%n", lags);
        assertThat(sorted.get(sorted.size() / 2)).as("median lag in ms, of %s", lags).isLessThanOrEqualTo(1_000);
        assertThat(sorted.getLast()).as("longest lag in ms, of %s", lags).isLessThanOrEqualTo(5_000);
    }

    @Test
    void theTrainingInstancesShareTheKimTopicAndKeepOneViewOfTheKims() {
        Map<String, Set<Integer>> held = consumers(TRAINING_GROUP);
        assertThat(held.values().stream().mapToInt(Set::size).sum()).as("each partition held once, in %s", held)
                .isEqualTo(Topics.PARTITIONS);
        assertThat(held.values().stream().flatMap(Set::stream).distinct().count()).isEqualTo(Topics.PARTITIONS);

        Http training = system.http("training-service");
        long firstBefore = registered(training);
        long secondBefore = registered(secondTraining);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20 && (ids.size() < 4 || registered(training) == firstBefore
                || registered(secondTraining) == secondBefore); i++) {
            Http.Response created = registry.postJson("/api/kims", kim("KIM Latih " + UUID.randomUUID().toString().substring(0, 8),
                    "63.03.05.1003"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.json("$.id"));
            String id = ids.getLast();
            await().atMost(Duration.ofSeconds(30)).until(() -> viewed(training, id) != null);
        }
        assertThat(registered(training)).as("the first instance applied some of the KIMs").isGreaterThan(firstBefore);
        assertThat(registered(secondTraining)).as("the second instance applied some of the KIMs").isGreaterThan(secondBefore);
        for (String id : ids) {
            assertThat(viewed(secondTraining, id)).as("KIM %s in the view, as both instances see it", id).isEqualTo(1L);
            assertThat(viewed(training, id)).isEqualTo(1L);
        }
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

    /** The members of the reporting group that hold partitions of the KIM topic, with them. */
    private static Map<String, Set<Integer>> kimConsumers() {
        return consumers(GROUP);
    }

    /** The members of the group that hold partitions of the KIM topic, with them. */
    private static Map<String, Set<Integer>> consumers(String group) {
        Map<String, Set<Integer>> held = new java.util.HashMap<>(TopicRecords.assignments(system.kafka(), group, Topics.KIMS));
        held.values().removeIf(Set::isEmpty);
        return held;
    }

    /** The milliseconds until the condition holds (at most 30 s). */
    private static long until(java.util.concurrent.Callable<Boolean> condition) {
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(condition);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long listed(Http registry, String query) {
        Http.Response page = registry.get(query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ((Number) page.json("$.totalItems")).longValue();
    }

    /** The version of the KIM in training-service's view, as this instance reports it; null when not there. */
    private static Long viewed(Http training, String id) {
        Http.Response held = training.get("/api/admin/consistency");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        Map<String, Object> versions = held.json("$.views.kims.versions");
        Object version = versions.get(id);
        return version == null ? null : ((Number) version).longValue();
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
