package id.simpul.systemtest;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.localstack.ConsistencyCheck;
import id.simpul.localstack.Launcher;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: KIMs are written at a steady rate while {@code kill -9} hits the broker, each service and the
 * Mongo-wire server in turn, each brought back as {@code ./simpul start} would. Afterwards every acknowledged write is
 * in its service's store, on its topic exactly once, and counted by reporting exactly once, KIM by KIM (the
 * consistency check agrees), before and after a rebuild. Then records that break the contract in each way seen from
 * outside are sent to the KIM topic: both consumers dead-letter them with the reason and keep up.
 */
class FaultSuiteIT {

    /** Kota Padang (West Sumatra): the national sample rules apply, and no other test counts KIMs there. */
    private static final List<String> VILLAGES = List.of("13.71.01.1001", "13.71.01.1002", "13.71.01.1003",
            "13.71.02.1001", "13.71.02.1002");

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
    void killingEachPartWhileKimsAreWrittenLosesNothingAndCountsEverythingOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        SteadyWriter writer = new SteadyWriter(run);
        Map<String, Long> recoveries = new java.util.LinkedHashMap<>();
        writer.start();
        try {
            writer.awaitAcknowledged(40);
            for (String victim : List.of(Launcher.KAFKA, "registry-service", "training-service", "reporting-service",
                    Launcher.MONGO)) {
                int before = writer.acknowledged();
                system.launcher.kill(victim);
                Thread.sleep(1500);
                long started = System.nanoTime();
                system.launcher.start(victim);
                recoveries.put(victim, (System.nanoTime() - started) / 1_000_000);
                writer.awaitAcknowledged(before + 30);
            }
        } finally {
            writer.stop();
        }

        long checkStarted = System.nanoTime();
        ConsistencyCheck.Result result = awaitConsistent();
        long checkMs = (System.nanoTime() - checkStarted) / 1_000_000;
        Map<String, Long> stored = versions("registry-service", "stores");
        Map<String, Long> counted = versions("reporting-service", "views");
        Map<String, Long> known = versions("training-service", "views");
        List<ConsumerRecord<String, String>> registrations = TopicRecords.read(system.kafka(), Topics.KIMS,
                r -> writer.kims.containsKey(r.key()) && EventTypes.KIM_REGISTERED.equals(TopicRecords.header(r, "ce_type")),
                writer.kims.size(), Duration.ofSeconds(60));
        Map<String, Long> registeredTimes = registrations.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));

        System.out.printf("Fault suite: %,d KIMs acknowledged (%,d verified), %,d writes refused (%s); recovery after "
                        + "kill -9 (ms): %s; consistent %,d ms after the last write%n", writer.kims.size(),
                writer.verified.size(), writer.refused.get(), writer.refusals, recoveries, checkMs);
        System.out.print(ConsistencyCheck.describe(result, 10));
        assertThat(result.differences()).isEmpty();
        assertThat(result.republished()).as("no event published twice").containsOnly(
                Map.entry("kims", 0), Map.entry("programmes", 0), Map.entry("partners", 0), Map.entry("trainings", 0),
                Map.entry("outputs", 0));
        for (String id : writer.kims.keySet()) {
            // A status change whose answer was lost to a kill may have been stored all the same.
            long acknowledged = writer.verified.contains(id) ? 2 : 1;
            assertThat(stored.get(id)).as("KIM %s in registry's store", id).isNotNull().isGreaterThanOrEqualTo(acknowledged);
            assertThat(registeredTimes.get(id)).as("KIM %s registered on the topic once", id).isEqualTo(1L);
            assertThat(counted.get(id)).as("KIM %s counted by reporting", id).isEqualTo(stored.get(id));
            assertThat(known.get(id)).as("KIM %s known to training", id).isEqualTo(stored.get(id));
        }

        String summaryBefore = settledSummary();
        rebuild();
        assertThat(settledSummary()).as("a rebuild gives the same figures").isEqualTo(summaryBefore);
        assertThat(awaitConsistent().differences()).isEmpty();
    }

    @Test
    void aReadModelDocumentRemovedByHandIsNamedByTheConsistencyCheck() {
        String kimId = Scenario.id(registry.postJson("/api/kims", """
                {"name": "KIM Dihapus Tangan", "villageCode": "13.71.01.1004", "memberCount": 12}"""));
        await().atMost(Duration.ofSeconds(30)).until(() -> reporting.get("/api/dashboard/kims/" + kimId).status() == 200);
        try (var mongo = com.mongodb.client.MongoClients.create(system.config.mongoUri())) {
            var database = mongo.getDatabase("simpul-reporting");
            String current = "kims_g" + ((Number) database.getCollection("projection_meta")
                    .find(new org.bson.Document("_id", "generations")).first().get("current")).intValue();
            assertThat(database.getCollection(current).deleteOne(new org.bson.Document("_id", kimId)).getDeletedCount()).isEqualTo(1);
        }

        ConsistencyCheck.Result result = ConsistencyCheck.of(system.config).run(2, Duration.ofSeconds(1));

        assertThat(result.differences()).extracting(ConsistencyCheck.Difference::toString)
                .containsExactly("kims " + kimId + ": published (version 1) but missing in reporting-service");
        System.out.print(ConsistencyCheck.describe(result, 10));
        // A rebuild repairs it.
        rebuild();
        assertThat(awaitConsistent().differences()).isEmpty();
    }

    @Test
    void recordsAgainstTheContractAreDeadLetteredByBothConsumersWhichKeepUp() {
        String example = EventSchemas.example(EventTypes.KIM_REGISTERED);
        String exampleId = "3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37";
        String noName = UUID.randomUUID().toString();
        String huge = UUID.randomUUID().toString();
        String unknownVillage = UUID.randomUUID().toString();
        String neverRegistered = UUID.randomUUID().toString();
        Map<String, String> expectedReasons = Map.of(
                noName, "does not match its schema",
                huge, "the contract allows at most 262144",
                unknownVillage, "99.99.99.9999",
                neverRegistered, "cannot be applied before");
        long started = System.nanoTime();
        TopicRecords.sendAll(system.kafka(), List.of(
                TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, noName,
                        example.replace(exampleId, noName).replace("\"name\": \"KIM Martapura Bersinar\",", "")),
                TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, huge,
                        example.replace(exampleId, huge).replace("KIM Martapura Bersinar", "x".repeat(900 * 1024))),
                TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, unknownVillage,
                        example.replace(exampleId, unknownVillage).replace("63.03.05.1001", "99.99.99.9999")),
                TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_STATUS_CHANGED, neverRegistered,
                        EventSchemas.example(EventTypes.KIM_STATUS_CHANGED).replace(exampleId, neverRegistered))));

        for (Http consumer : List.of(training, reporting)) {
            Map<String, Map<String, Object>> letters = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<Map<String, Object>> items = consumer.get("/api/admin/dead-letters?status=WAITING&size=100").json("$.items");
                items.stream().filter(item -> expectedReasons.containsKey((String) item.get("key")))
                        .forEach(item -> letters.put((String) item.get("key"), item));
                return letters.keySet().equals(expectedReasons.keySet());
            });
            letters.forEach((key, letter) -> {
                assertThat((String) letter.get("reason")).as(key).contains(expectedReasons.get(key));
                assertThat(letter.get("originalTopic")).isEqualTo(Topics.KIMS);
            });
            System.out.printf("%s dead-lettered the four poison records within %d ms%n", consumer.uri(""),
                    (System.nanoTime() - started) / 1_000_000);
            letters.values().forEach(letter -> assertThat(consumer.postJson("/api/admin/dead-letters/" + letter.get("id")
                    + "/discard", "{\"reason\": \"poison record of the fault suite\"}").status()).isEqualTo(200));
        }
        assertThat(reporting.get("/api/dashboard/kims/" + unknownVillage).status()).isEqualTo(404);
        assertThat(reporting.get("/api/dashboard/kims/" + neverRegistered).status()).isEqualTo(404);

        // Both consumers keep up: a KIM registered now is counted and known within seconds.
        String after = Scenario.id(registry.postJson("/api/kims", """
                {"name": "KIM Setelah Racun", "villageCode": "13.71.01.1005", "memberCount": 12}"""));
        await().atMost(Duration.ofSeconds(20)).until(() -> reporting.get("/api/dashboard/kims/" + after).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> versions("training-service", "views").containsKey(after));
    }

    /** Rebuilds reporting's read models and waits until the new generation is served. */
    private static void rebuild() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                reporting.get("/api/admin/projections").<Map<String, Object>>json("$").get("building") == null);
        Http.Response started = reporting.send(HttpRequest.newBuilder(reporting.uri("/api/admin/projections/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        int generation = started.json("$.generation");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Http.Response status = reporting.get("/api/admin/projections");
            return status.<Map<String, Object>>json("$").get("building") == null
                    && generation == (Integer) status.json("$.generation");
        });
    }

    /** The consistency check, repeated until everything in flight has arrived. */
    private static ConsistencyCheck.Result awaitConsistent() {
        ConsistencyCheck check = ConsistencyCheck.of(system.config);
        ConsistencyCheck.Result[] last = new ConsistencyCheck.Result[1];
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                last[0] = check.run(1, Duration.ZERO);
                return last[0].consistent();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Not consistent within 3 minutes; the last check:\n"
                    + (last[0] == null ? "(none ran)" : ConsistencyCheck.describe(last[0], 20)), e);
        }
        return last[0];
    }

    /** What {@code service} reports of its KIMs ({@code stores} or {@code views}), id by version. */
    private static Map<String, Long> versions(String service, String holding) {
        Map<String, Object> versions = system.http(service).get("/api/admin/consistency").json("$." + holding + ".kims.versions");
        Map<String, Long> result = new HashMap<>();
        versions.forEach((id, version) -> result.put(id, ((Number) version).longValue()));
        return result;
    }

    private static String settledSummary() {
        String[] last = {null};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String now = reporting.get("/api/dashboard/summary").body().replaceAll("\"updatedAt\":\"[^\"]*\"", "");
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }

    /**
     * Two writers registering KIMs about 15 times a second each (every third one then verified), whatever fails:
     * what registry-service acknowledged (201, 200) is recorded, the rest is counted as refused by its reason.
     */
    private static final class SteadyWriter {

        final Map<String, Long> kims = new ConcurrentHashMap<>();
        final Set<String> verified = ConcurrentHashMap.newKeySet();
        final AtomicInteger refused = new AtomicInteger();
        final Map<String, Integer> refusals = new ConcurrentHashMap<>();
        private final AtomicBoolean writing = new AtomicBoolean(true);
        private final AtomicInteger sequence = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private final String run;

        SteadyWriter(String run) {
            this.run = run;
        }

        void start() {
            for (int w = 0; w < 2; w++) {
                Thread thread = Thread.ofPlatform().name("steady-writer-" + w).start(this::write);
                threads.add(thread);
            }
        }

        private void write() {
            while (writing.get()) {
                int n = sequence.incrementAndGet();
                try {
                    Http.Response created = registry.postJson("/api/kims", """
                            {"name": "KIM Tahan Uji %s %d", "villageCode": "%s", "memberCount": 12}"""
                            .formatted(run, n, VILLAGES.get(n % VILLAGES.size())));
                    if (created.status() != 201) {
                        refuse(String.valueOf(created.status()));
                        continue;
                    }
                    String id = created.json("$.id");
                    kims.put(id, 1L);
                    if (n % 3 == 0) {
                        Http.Response changed = registry.postJson("/api/kims/" + id + "/status", "{\"status\": \"VERIFIED\"}");
                        if (changed.status() == 200) {
                            verified.add(id);
                        } else {
                            refuse("status " + changed.status());
                        }
                    }
                } catch (IllegalStateException unreachable) {
                    refuse("no answer");
                }
                pause(60);
            }
        }

        private void refuse(String reason) {
            refused.incrementAndGet();
            refusals.merge(reason, 1, Integer::sum);
            pause(200);
        }

        int acknowledged() {
            return kims.size();
        }

        void awaitAcknowledged(int count) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> kims.size() >= count);
        }

        void stop() throws InterruptedException {
            writing.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
