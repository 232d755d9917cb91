package id.simpul.eventing;

import id.simpul.contracts.CloudEventHeaders;
import id.simpul.contracts.Topics;
import id.simpul.eventing.sample.Parcel;
import id.simpul.eventing.sample.ParcelId;
import id.simpul.testinfra.DeadLetterApi;
import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import id.simpul.platform.Actor;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.simpul.eventing.EventingSampleApplication.CREATED;
import static id.simpul.eventing.EventingSampleApplication.DLQ;
import static id.simpul.eventing.EventingSampleApplication.TOPIC;
import static id.simpul.eventing.EventingSampleApplication.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class EventingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    AggregateStore<Parcel> parcels;
    @Autowired
    MongoOperations mongo;
    @Autowired
    HandlerFaults faults;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @LocalServerPort
    int port;

    @Test
    void eventStoredWithItsAggregateIsPublishedAsACloudEventKeyedByTheAggregateId() {
        ParcelId id = newParcel("first");

        ConsumerRecord<String, String> record = recordsOf(TOPIC, id.value(), 1).getFirst();

        assertThat(record.key()).isEqualTo(id.value());
        assertThat(TopicRecords.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo(CREATED);
        assertThat(TopicRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/simpul/eventing-sample");
        assertThat(TopicRecords.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id.value());
        assertThat(UUID.fromString(TopicRecords.header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(Instant.parse(TopicRecords.header(record, CloudEventHeaders.TIME))).isBeforeOrEqualTo(Instant.now());
        assertThat(record.value()).isEqualTo("{\"parcelId\":\"" + id.value() + "\",\"version\":1,\"label\":\"first\"}");

        // The CloudEvents SDK reads the record as a valid 1.0 event in binary mode.
        CloudEvent event = KafkaMessageFactory.createReader(record.headers(), record.value().getBytes(StandardCharsets.UTF_8))
                .toEvent();
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).isEqualTo(CREATED);
        assertThat(event.getSubject()).isEqualTo(id.value());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtensionNames()).as("no actor was known").isEmpty();

        await().atMost(WAIT).until(() -> pending(id).isEmpty());
    }

    @Test
    void anEventCarriesTheActorOfItsChangeAsCloudEventsExtensions() {
        Actor officer = new Actor("kominfo.banjar", List.of("REGENCY_OFFICER"), "63.03");
        ParcelId id = Actor.as(officer, () -> newParcel("by an officer"));
        Actor.as(Actor.system("seed"), () -> relabel(id, "by the seed"));

        List<ConsumerRecord<String, String>> records = recordsOf(TOPIC, id.value(), 2);

        assertThat(TopicRecords.header(records.get(0), "ce_actorid")).isEqualTo("kominfo.banjar");
        assertThat(TopicRecords.header(records.get(0), "ce_actorroles")).isEqualTo("REGENCY_OFFICER");
        assertThat(TopicRecords.header(records.get(0), "ce_actorscope")).isEqualTo("63.03");
        assertThat(TopicRecords.header(records.get(1), "ce_actorid")).isEqualTo("simpul:seed");
        CloudEvent event = KafkaMessageFactory.createReader(records.get(0).headers(),
                records.get(0).value().getBytes(StandardCharsets.UTF_8)).toEvent();
        assertThat(event.getExtension(CloudEventHeaders.ACTOR_ID)).isEqualTo("kominfo.banjar");
        assertThat(Actor.current()).as("the actor is put back after the change").isEmpty();
        await().atMost(WAIT).until(() -> pending(id).isEmpty());
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyHappened() {
        ParcelId id = newParcel("v1");
        for (int version = 2; version <= 5; version++) {
            Parcel parcel = parcels.findById(id.value()).orElseThrow();
            parcels.update(parcel, parcel.version(), List.of(parcel.relabel("v" + version)));
        }

        List<ConsumerRecord<String, String>> records = recordsOf(TOPIC, id.value(), 5);

        assertThat(records).extracting(ConsumerRecord::value)
                .allSatisfy(v -> assertThat(v).contains(id.value()))
                .extracting(v -> v.replaceAll(".*\"label\":\"(v\\d)\".*", "$1"))
                .containsExactly("v1", "v2", "v3", "v4", "v5");
    }

    @Test
    void aStaleUpdateIsRefusedAndWritesNeitherStateNorEvent() {
        ParcelId id = newParcel("original");
        Parcel first = parcels.findById(id.value()).orElseThrow();
        Parcel second = parcels.findById(id.value()).orElseThrow();
        parcels.update(first, 1, List.of(first.relabel("winner")));

        assertThatThrownBy(() -> parcels.update(second, 1, List.of(second.relabel("loser"))))
                .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(parcels.findById(id.value()).orElseThrow().label()).isEqualTo("winner");
        assertThat(recordsOf(TOPIC, id.value(), 2)).hasSize(2)
                .noneSatisfy(r -> assertThat(r.value()).contains("loser"));
    }

    @Test
    void aSweepReadsEachPendingEntrysTimeAndTakesOnlyOlderOnesForUnannounced() {
        String collection = "sweep_probe_" + UUID.randomUUID().toString().substring(0, 8);
        java.time.Instant now = java.time.Instant.now();
        mongo.insert(new org.bson.Document("_id", "old").append(OutboxRelay.OUTBOX, List.of(new org.bson.Document("id", "e1")
                .append("payload", "{}").append("time", java.util.Date.from(now.minusSeconds(3600))))), collection);
        mongo.insert(new org.bson.Document("_id", "young").append(OutboxRelay.OUTBOX, List.of(new org.bson.Document("id", "e2")
                .append("payload", "{}").append("time", java.util.Date.from(now)))), collection);
        mongo.insert(new org.bson.Document("_id", "published").append(OutboxRelay.OUTBOX, List.of()), collection);

        java.util.Map<Object, org.bson.Document> read = new java.util.HashMap<>();
        mongo.find(OutboxRelay.pending(), org.bson.Document.class, collection).forEach(d -> read.put(d.get("_id"), d));

        assertThat(read).containsOnlyKeys("old", "young");
        assertThat(read.get("old").getList(OutboxRelay.OUTBOX, org.bson.Document.class).getFirst().keySet())
                .as("only the time of each entry is read, not its payload").containsExactly("time");
        java.time.Instant since = now.minusSeconds(2);
        assertThat(OutboxRelay.unannounced(read.get("old"), since)).isTrue();
        assertThat(OutboxRelay.unannounced(read.get("young"), since)).isFalse();
        assertThat(OutboxRelay.unannounced(new org.bson.Document(OutboxRelay.OUTBOX, List.of(new org.bson.Document("id", "e3"))), since))
                .as("an entry of unknown time").isTrue();
        mongo.dropCollection(collection);
    }

    @Test
    void aBatchInsertStoresEachAggregateWithItsEventsAndReportsTheTakenIds() {
        ParcelId existing = newParcel("already-there");
        Parcel.Created fresh = Parcel.create(new ParcelId(UUID.randomUUID().toString()), "batch-new");
        Parcel.Created clash = Parcel.create(existing, "batch-clash");

        var refused = parcels.insertAll(List.of(fresh.parcel(), clash.parcel()), List.of(List.of(fresh.event()), List.of(clash.event())));

        assertThat(refused).containsExactly(1);
        assertThat(parcels.findById(existing.value()).orElseThrow().label()).isEqualTo("already-there");
        assertThat(recordsOf(TOPIC, fresh.parcel().id().value(), 1)).hasSize(1);
        await().atMost(WAIT).until(() -> pending(fresh.parcel().id()).isEmpty());
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        ParcelId id = newParcel("once");
        await().atMost(WAIT).until(() -> view(id) != null);
        ConsumerRecord<String, String> published = recordsOf(TOPIC, id.value(), 1).getFirst();

        TopicRecords.send(bootstrap, copy(published));
        TopicRecords.send(bootstrap, copy(published));
        relabel(id, "after-duplicates");

        await().atMost(WAIT).until(() -> "after-duplicates".equals(view(id).getString("label")));
        assertThat(view(id).getInteger("applied")).as("the creation and the relabel, each once").isEqualTo(2);
    }

    @Test
    void anOlderEventArrivingLateChangesNothing() {
        ParcelId id = newParcel("v1");
        relabel(id, "v2");
        await().atMost(WAIT).until(() -> view(id) != null && view(id).getLong("version") == 2);
        ConsumerRecord<String, String> creation = recordsOf(TOPIC, id.value(), 2).getFirst();

        TopicRecords.send(bootstrap, copy(creation));
        ParcelId marker = newParcelOnPartitionOf(id, "marker");

        await().atMost(WAIT).until(() -> view(marker) != null);
        assertThat(view(id).getString("label")).isEqualTo("v2");
        assertThat(view(id).getInteger("applied")).isEqualTo(2);
    }

    @Test
    void aFailingHandlerIsRetriedWithBackOffUntilItSucceeds() {
        String label = "fail-2-" + UUID.randomUUID();
        ParcelId id = newParcel(label);

        await().atMost(WAIT).until(() -> view(id) != null);
        assertThat(faults.attempts(label)).isEqualTo(3);
        assertThat(view(id).getInteger("applied")).isEqualTo(1);
    }

    @Test
    void anEventThatKeepsFailingGoesToTheDeadLetterTopicAndTheConsumerMovesOn() {
        String label = "fail-always-" + UUID.randomUUID();
        ParcelId id = newParcel(label);

        ConsumerRecord<String, String> dead = recordsOf(DLQ, id.value(), 1).getFirst();

        assertThat(faults.attempts(label)).as("max-attempts").isEqualTo(3);
        assertThat(TopicRecords.header(dead, CloudEventHeaders.TYPE)).isEqualTo(CREATED);
        assertThat(TopicRecords.header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(TopicRecords.header(dead, "x-dead-letter-reason")).contains("Handler fails for " + label);
        assertThat(view(id)).isNull();

        ParcelId next = newParcelOnPartitionOf(id, "next");
        await().atMost(WAIT).until(() -> view(next) != null);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithoutRetries() {
        String key = UUID.randomUUID().toString();
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(TOPIC, CREATED, key, "not json"));
        String noHeaders = UUID.randomUUID().toString();
        TopicRecords.send(bootstrap, new ProducerRecord<>(TOPIC, noHeaders, "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(TopicRecords.header(recordsOf(DLQ, key, 1).getFirst(), "x-dead-letter-reason")).contains("is not JSON");
        assertThat(TopicRecords.header(recordsOf(DLQ, noHeaders, 1).getFirst(), "x-dead-letter-reason")).contains("ce_id");
    }

    @Test
    void aRecordAgainstTheContractIsDeadLetteredAtOnceWithItsReason() {
        ParcelId id = newParcel("x".repeat(60));

        ConsumerRecord<String, String> dead = recordsOf(DLQ, id.value(), 1).getFirst();

        assertThat(faults.attempts("x".repeat(60))).as("never handed to the handler").isZero();
        assertThat(TopicRecords.header(dead, "x-dead-letter-reason")).contains("label of at most 50");
        assertThat(TopicRecords.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(view(id)).isNull();
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedOnceItsCauseIsGone() {
        String label = "fail-3-" + UUID.randomUUID();
        ParcelId id = newParcel(label);
        recordsOf(DLQ, id.value(), 1);
        Map<String, Object> letter = DeadLetterApi.awaitKept(http(), id.value(), WAIT);

        assertThat(letter).containsEntry("status", "WAITING").containsEntry("originalTopic", TOPIC)
                .containsEntry("type", CREATED).containsEntry("key", id.value());
        assertThat((String) letter.get("reason")).contains("Handler fails attempt 3 for " + label);
        assertThat(((Number) letter.get("originalOffset")).longValue()).isNotNegative();
        assertThat(http().get("/actuator/health").body()).contains("\"deadLetters\"");

        // The handler fails its first three attempts only: the replay (the fourth) applies the record.
        Http.Response replayed = http().postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay", "{}");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat((String) replayed.json("$.status")).isEqualTo("REPLAYED");
        assertThat((String) replayed.json("$.replayedBy")).isEqualTo("unattributed");
        assertThat(view(id).getInteger("applied")).isEqualTo(1);

        Http.Response again = http().postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(faults.attempts(label)).as("a replayed dead letter is not applied again").isEqualTo(4);
        assertThat(view(id).getInteger("applied")).isEqualTo(1);
        assertThat(http().postJson("/api/admin/dead-letters/" + letter.get("id") + "/discard", "{\"reason\": \"late\"}").status())
                .isEqualTo(409);
    }

    @Test
    void aDeadLetterThatStillFailsStaysWaitingAndCanBeDiscardedWithAReason() {
        String label = "fail-always-" + UUID.randomUUID();
        ParcelId id = newParcel(label);
        recordsOf(DLQ, id.value(), 1);
        String letter = (String) DeadLetterApi.awaitKept(http(), id.value(), WAIT).get("id");

        Http.Response replay = http().postJson("/api/admin/dead-letters/" + letter + "/replay", "{\"note\": \"after the fix\"}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(422);
        assertThat((String) replay.json("$.detail")).contains("Handler fails for " + label);
        assertThat((String) http().get("/api/admin/dead-letters/" + letter).json("$.status")).isEqualTo("WAITING");
        assertThat(http().postJson("/api/admin/dead-letters/" + letter + "/discard", "{}").status()).isEqualTo(400);

        Http.Response discarded = http().postJson("/api/admin/dead-letters/" + letter + "/discard",
                "{\"reason\": \"the parcel was withdrawn\"}");

        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat((String) discarded.json("$.status")).isEqualTo("DISCARDED");
        assertThat((String) discarded.json("$.discardedBy")).isEqualTo("unattributed");
        assertThat((String) discarded.json("$.discardReason")).isEqualTo("the parcel was withdrawn");
        assertThat((List<?>) discarded.json("$.replays")).hasSize(1);
        assertThat(http().postJson("/api/admin/dead-letters/" + letter + "/replay", "{}").status()).isEqualTo(409);
        assertThat(http().get("/api/admin/dead-letters/no-such-letter").status()).isEqualTo(404);
    }

    @Test
    void aDeadLetterReplayedWithACorrectedPayloadIsAppliedWithIt() {
        ParcelId id = newParcel("y".repeat(60));
        recordsOf(DLQ, id.value(), 1);
        String letter = (String) DeadLetterApi.awaitKept(http(), id.value(), WAIT).get("id");

        Http.Response stillWrong = http().postJson("/api/admin/dead-letters/" + letter + "/replay",
                "{\"payload\": {\"parcelId\": \"" + id.value() + "\", \"version\": 1, \"label\": \"" + "z".repeat(70) + "\"}}");
        assertThat(stillWrong.status()).isEqualTo(422);

        Http.Response corrected = http().postJson("/api/admin/dead-letters/" + letter + "/replay",
                "{\"payload\": {\"parcelId\": \"" + id.value() + "\", \"version\": 1, \"label\": \"short\"}, \"note\": \"label cut\"}");

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(view(id).getString("label")).isEqualTo("short");
        assertThat((List<Map<String, Object>>) corrected.json("$.replays")).last()
                .satisfies(attempt -> assertThat(attempt).containsEntry("corrected", true).containsEntry("note", "label cut"));
    }

    @Test
    void anEventOfAnUnknownTypeIsSkippedNotDeadLettered() {
        String key = UUID.randomUUID().toString();
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(TOPIC, "id.simpul.test.parcel.shipped.v1", key,
                "{\"parcelId\":\"" + key + "\"}"));
        ParcelId after = newParcelOnPartitionOf(new ParcelId(key), "after-unknown");

        await().atMost(WAIT).until(() -> view(after) != null);
        assertThat(view(new ParcelId(key))).isNull();
        assertThat(TopicRecords.read(bootstrap, DLQ, r -> key.equals(r.key()), 0, Duration.ofSeconds(2))).isEmpty();
    }

    private Http http() {
        return TestIssuer.as(Caller.MINISTRY_ADMIN, port);
    }


    private ParcelId newParcel(String label) {
        Parcel.Created created = Parcel.create(new ParcelId(UUID.randomUUID().toString()), label);
        parcels.insert(created.parcel(), List.of(created.event()));
        return created.parcel().id();
    }

    /** A parcel whose key lands on the same partition as {@code other}'s, so it is consumed after it. */
    private ParcelId newParcelOnPartitionOf(ParcelId other, String label) {
        Parcel.Created created = Parcel.create(
                new ParcelId(TopicRecords.keyOnPartitionOf(other.value(), Topics.PARTITIONS)), label);
        parcels.insert(created.parcel(), List.of(created.event()));
        return created.parcel().id();
    }

    private void relabel(ParcelId id, String label) {
        Parcel parcel = parcels.findById(id.value()).orElseThrow();
        parcels.update(parcel, parcel.version(), List.of(parcel.relabel(label)));
    }

    private List<ConsumerRecord<String, String>> recordsOf(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> records = TopicRecords.read(bootstrap, topic, r -> key.equals(r.key()), expected, WAIT);
        assertThat(records).as("records of %s on %s", key, topic).hasSizeGreaterThanOrEqualTo(expected);
        return records;
    }

    private List<Object> pending(ParcelId id) {
        return mongo.findById(id.value(), Document.class, "parcels").getList("outbox", Object.class);
    }

    private Document view(ParcelId id) {
        return mongo.findById(id.value(), Document.class, VIEW);
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, String> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value().getBytes(StandardCharsets.UTF_8),
                record.headers());
    }

}
