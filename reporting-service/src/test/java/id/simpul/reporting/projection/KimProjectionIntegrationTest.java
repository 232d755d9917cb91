package id.simpul.reporting.projection;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.eventing.ReadModels;
import id.simpul.testinfra.DeadLetterApi;
import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Set;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class KimProjectionIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EXAMPLE_ID = "3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37";

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoOperations mongo;
    @Autowired
    Generations generations;
    @Autowired
    ReadModelStore store;
    @Autowired
    MeterRegistry meters;
    Http http;

    @BeforeEach
    void client() {
        http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
    }

    @Test
    void theContractExampleOfKimRegisteredIsProjectedWithItsRegions() {
        String kimId = UUID.randomUUID().toString();
        publish(registered(kimId, 1, "SUBMITTED"));

        await().atMost(WAIT).until(() -> kim(kimId) != null);
        Document kim = kim(kimId);
        assertThat(kim.getString("name")).isEqualTo("KIM Martapura Bersinar");
        assertThat(kim.getString("status")).isEqualTo("SUBMITTED");
        assertThat(kim).containsEntry("villageCode", "63.03.05.1001").containsEntry("districtCode", "63.03.05")
                .containsEntry("regencyCode", "63.03").containsEntry("provinceCode", "63").containsEntry("version", 1L);
    }

    @Test
    void theSummaryCountsEachKimOnceEvenWhenItsEventIsRedelivered() {
        long before = total();
        String kimId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = registered(kimId, 1, "SUBMITTED");

        publish(record);
        publish(record);
        publish(record);
        String marker = TopicRecords.keyOnPartitionOf(kimId, Topics.PARTITIONS);
        publish(registered(marker, 1, "SUBMITTED"));

        await().atMost(WAIT).until(() -> http.get("/api/dashboard/kims/" + marker).status() == 200);
        assertThat(total()).as("figures computed after the marker was applied").isEqualTo(before + 2);
    }

    @Test
    void anOlderEventArrivingLateDoesNotUndoANewerOne() {
        String kimId = UUID.randomUUID().toString();
        publish(registered(kimId, 3, "ACTIVE"));
        publish(registered(kimId, 1, "SUBMITTED"));
        String marker = TopicRecords.keyOnPartitionOf(kimId, Topics.PARTITIONS);
        publish(registered(marker, 1, "SUBMITTED"));

        await().atMost(WAIT).until(() -> kim(marker) != null);
        assertThat(kim(kimId)).containsEntry("status", "ACTIVE").containsEntry("version", 3L);
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndTheConsumerMovesOn() {
        String broken = UUID.randomUUID().toString();
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, broken, "{\"kimId\": "));
        String next = TopicRecords.keyOnPartitionOf(broken, Topics.PARTITIONS);
        publish(registered(next, 1, "SUBMITTED"));

        assertThat(TopicRecords.read(bootstrap, "simpul.reporting.dlq", r -> broken.equals(r.key()), 1, WAIT)).hasSize(1);
        await().atMost(WAIT).until(() -> kim(next) != null);
        assertThat(kim(broken)).isNull();
    }

    /**
     * Sent at once, the records reach the consumer in one or few polls: the events before a broken one are kept, the
     * broken ones dead-lettered (the unreadable at once, the status change of an unknown KIM after its retries), the
     * events after them applied, and a redelivered registration counted once.
     */
    @Test
    void aBatchWithBrokenEventsInItsMiddleKeepsEveryGoodEventOnceAndDeadLettersTheBroken() {
        long before = total();
        String first = UUID.randomUUID().toString();
        List<String> good = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String kimId = i == 0 ? first : TopicRecords.keyOnPartitionOf(first, Topics.PARTITIONS);
            good.add(kimId);
            records.add(registered(kimId, 1, "SUBMITTED"));
        }
        String unreadable = TopicRecords.keyOnPartitionOf(first, Topics.PARTITIONS);
        String unknown = TopicRecords.keyOnPartitionOf(first, Topics.PARTITIONS);
        records.add(8, TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, unreadable, "{\"kimId\": "));
        records.add(16, example(EventTypes.KIM_STATUS_CHANGED, unknown));
        records.add(registered(good.get(3), 1, "SUBMITTED"));
        TopicRecords.sendAll(bootstrap, records);

        assertThat(TopicRecords.read(bootstrap, "simpul.reporting.dlq",
                r -> unreadable.equals(r.key()) || unknown.equals(r.key()), 2, WAIT)).hasSize(2);
        await().atMost(WAIT).until(() -> good.stream().allMatch(id -> kim(id) != null));
        assertThat(kim(unreadable)).isNull();
        assertThat(kim(unknown)).isNull();
        await().atMost(WAIT).untilAsserted(() -> assertThat(total()).isEqualTo(before + good.size()));
        assertThat(meters.find("simpul.events.batch").summary()).isNotNull()
                .satisfies(batches -> assertThat(batches.max()).as("records handed over together").isGreaterThan(1));
    }

    /**
     * A batch writes a document only if nobody wrote it after the batch read it: a write that lost the race is
     * reported and overwrites nothing (the projector then applies its events again on what is stored); the other
     * documents of the bulk write are written.
     */
    @Test
    void aBatchWriteThatLosesARaceToAnotherWriterOverwritesNothing() {
        String collection = "batch_race_" + UUID.randomUUID().toString().substring(0, 8);
        String raced = "raced";
        String untouched = "untouched";
        store.merge(collection, raced, d -> d.put("writer", "first") == null);
        store.merge(collection, untouched, d -> d.put("writer", "first") == null);

        ReadModels.Batch<String> batch = store.models().batch();
        batch.want(collection, raced);
        batch.want(collection, untouched);
        batch.want(collection, "new");
        batch.load();
        store.merge(collection, raced, d -> !"other".equals(d.put("writer", "other")));
        batch.change(collection, raced, d -> !"batch".equals(d.put("writer", "batch")), "label");
        batch.change(collection, untouched, d -> !"batch".equals(d.put("writer", "batch")), "label");
        batch.change(collection, "new", d -> d.put("writer", "batch") == null, "label");
        Set<ReadModels.Key> conflicts = batch.write();

        assertThat(conflicts).contains(new ReadModels.Key(collection, raced));
        Document stored = mongo.findById(raced, Document.class, collection);
        assertThat(stored).containsEntry("writer", "other").containsEntry("_rev", 2L);
        Document created = mongo.findById("new", Document.class, collection);
        assertThat(created).containsEntry("writer", "batch").containsEntry("_rev", 1L);
        if (!conflicts.contains(new ReadModels.Key(collection, untouched))) {
            assertThat(mongo.findById(untouched, Document.class, collection)).containsEntry("writer", "batch")
                    .containsEntry("_rev", 2L);
        }

        ReadModels.Batch<String> again = store.models().batch();
        again.want(collection, untouched);
        again.load();
        again.change(collection, untouched, d -> !"again".equals(d.put("writer", "again")), "label");
        assertThat(again.write()).as("nobody raced this one").isEmpty();
        assertThat(mongo.findById(untouched, Document.class, collection)).containsEntry("writer", "again");
        mongo.dropCollection(collection);
    }

    @Test
    void anEventOfATypeReportingDoesNotKnowIsSkipped() {
        String kimId = UUID.randomUUID().toString();
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, "id.simpul.kim.renamed.v9", kimId,
                "{\"kimId\": \"" + kimId + "\", \"version\": 2}"));
        String next = TopicRecords.keyOnPartitionOf(kimId, Topics.PARTITIONS);
        publish(registered(next, 1, "SUBMITTED"));

        await().atMost(WAIT).until(() -> kim(next) != null);
        assertThat(kim(kimId)).isNull();
        assertThat(TopicRecords.read(bootstrap, "simpul.reporting.dlq", r -> kimId.equals(r.key()), 0, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void theContractExamplesOfStatusChangeAndUpdateAreAppliedInVersionOrder() {
        String kimId = UUID.randomUUID().toString();
        publish(registered(kimId, 1, "SUBMITTED"));
        publish(example(EventTypes.KIM_STATUS_CHANGED, kimId));   // version 2: VERIFIED
        publish(example(EventTypes.KIM_UPDATED, kimId));          // version 4: ACTIVE, three focus areas, new media

        await().atMost(WAIT).until(() -> kim(kimId) != null && kim(kimId).getLong("version") == 4);
        Document kim = kim(kimId);
        assertThat(kim.getString("status")).isEqualTo("ACTIVE");
        assertThat(kim.getList("focusAreas", String.class)).containsExactly("UMKM", "HEALTH", "LITERACY");
        assertThat(kim.getList("mediaTypes", String.class)).containsExactly("INSTAGRAM", "YOUTUBE");
        assertThat(kim.getBoolean("hasMedia")).isTrue();
        assertThat(kim.getInteger("memberCount")).isEqualTo(31);
        assertThat(kim.get("registeredAt")).as("kept from the registration").isNotNull();
    }

    @Test
    void aStatusChangeOfAKimNeverRegisteredIsDeadLetteredAndAppliedWhenReplayedAfterTheRegistration() {
        String kimId = UUID.randomUUID().toString();
        publish(example(EventTypes.KIM_STATUS_CHANGED, kimId));   // version 2: VERIFIED

        Map<String, Object> letter = DeadLetterApi.awaitKept(http, kimId, WAIT);
        assertThat((String) letter.get("reason")).contains("has not seen kims " + kimId + " created");
        assertThat(kim(kimId)).as("not applied as if the KIM were new").isNull();
        assertThat(http.get("/api/dashboard/kims/" + kimId).status()).as("not on the dashboard").isEqualTo(404);

        publish(registered(kimId, 1, "SUBMITTED"));
        await().atMost(WAIT).until(() -> kim(kimId) != null);
        assertThat(kim(kimId)).containsEntry("status", "SUBMITTED");

        Http.Response replayed = http.postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay", "{}");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(kim(kimId)).containsEntry("status", "VERIFIED").containsEntry("version", 2L);
        Http.Response again = http.postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(kim(kimId)).containsEntry("status", "VERIFIED").containsEntry("_rev", kim(kimId).get("_rev"));
    }

    @Test
    void aRegistrationWithoutANameIsDeadLetteredAtOnceWithTheSchemaViolation() {
        String kimId = UUID.randomUUID().toString();
        String json = EventSchemas.example(EventTypes.KIM_REGISTERED).replace(EXAMPLE_ID, kimId)
                .replace("\"name\": \"KIM Martapura Bersinar\",", "");
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, kimId, json));

        Map<String, Object> letter = DeadLetterApi.awaitKept(http, kimId, WAIT);

        assertThat((String) letter.get("reason")).contains("does not match its schema").contains("name");
        assertThat(kim(kimId)).isNull();
        // Corrected by an operator from the registry's record, it is applied.
        String corrected = EventSchemas.example(EventTypes.KIM_REGISTERED).replace(EXAMPLE_ID, kimId);
        Http.Response replayed = http.postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay",
                "{\"payload\": " + corrected + ", \"note\": \"name taken from registry-service\"}");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(kim(kimId)).containsEntry("name", "KIM Martapura Bersinar");
    }

    @Test
    void aRecordLargerThanTheContractAllowsIsDeadLetteredAtOnce() {
        String kimId = UUID.randomUUID().toString();
        String json = EventSchemas.example(EventTypes.KIM_REGISTERED).replace(EXAMPLE_ID, kimId)
                .replace("\"name\": \"KIM Martapura Bersinar\"", "\"name\": \"" + "x".repeat(900 * 1024) + "\"");
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, kimId, json));

        Map<String, Object> letter = DeadLetterApi.awaitKept(http, kimId, WAIT);

        assertThat((String) letter.get("reason")).contains("the contract allows at most 262144");
        assertThat(((Number) letter.get("payloadBytes")).intValue()).isGreaterThan(900 * 1024);
        assertThat(kim(kimId)).isNull();
        Http.Response discarded = http.postJson("/api/admin/dead-letters/" + letter.get("id") + "/discard",
                "{\"reason\": \"not a real KIM\"}");
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").body()).contains("deadLetters");
    }


    private static ProducerRecord<String, byte[]> example(String type, String kimId) {
        String json = EventSchemas.example(type).replace(EXAMPLE_ID, kimId);
        return TopicRecords.cloudEvent(Topics.KIMS, type, kimId, json);
    }

    /** The contract's example event, for another KIM, version and status. */
    private static ProducerRecord<String, byte[]> registered(String kimId, int version, String status) {
        String json = EventSchemas.example(EventTypes.KIM_REGISTERED)
                .replace(EXAMPLE_ID, kimId)
                .replace("\"version\": 1", "\"version\": " + version)
                .replace("\"SUBMITTED\"", "\"" + status + "\"");
        assertThat(EventSchemas.validate(EventTypes.KIM_REGISTERED, json)).isEmpty();
        return TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, kimId, json);
    }

    private void publish(ProducerRecord<String, byte[]> record) {
        TopicRecords.send(bootstrap, record);
    }

    private Document kim(String id) {
        return mongo.findById(id, Document.class, generations.current(ReadModelStore.KIMS));
    }

    private long total() {
        return ((Number) http.get("/api/dashboard/summary").json("$.kims.total")).longValue();
    }
}
