package id.simpul.training.kimview;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.DeadLetterApi;
import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class KimViewIntegrationTest {

    private static final String EXAMPLE_ID = "3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoOperations mongo;
    @LocalServerPort
    int port;

    @Test
    void aRegisteredKimAppearsInTrainingsOwnViewOnce() {
        String kimId = UUID.randomUUID().toString();
        String json = EventSchemas.example(EventTypes.KIM_REGISTERED).replace("3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37", kimId);

        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, kimId, json));
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_REGISTERED, kimId, json));

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(kimId, Document.class, KimView.COLLECTION) != null);
        assertThat(mongo.findById(kimId, Document.class, KimView.COLLECTION))
                .containsEntry("status", "SUBMITTED").containsEntry("villageCode", "63.03.05.1001").containsEntry("version", 1L);
    }

    @Test
    void aStatusChangeUpdatesTheView() {
        String kimId = UUID.randomUUID().toString();
        for (String type : new String[] {EventTypes.KIM_REGISTERED, EventTypes.KIM_STATUS_CHANGED}) {
            String json = EventSchemas.example(type).replace("3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37", kimId);
            TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, type, kimId, json));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document view = mongo.findById(kimId, Document.class, KimView.COLLECTION);
            return view != null && "VERIFIED".equals(view.getString("status"));
        });
    }

    /**
     * Sent together, the records reach the view in one or few polls: a KIM registered and changed within the batch
     * holds its latest status, a late older event changes nothing, the change of a KIM never registered is
     * dead-lettered after its retries, and the registrations after it in the batch are kept.
     */
    @Test
    void aBatchAppliesEachKimsNewestStateAndDeadLettersOnlyTheChangeOfAnUnknownKim() {
        String changed = UUID.randomUUID().toString();
        String unknown = TopicRecords.keyOnPartitionOf(changed, Topics.PARTITIONS);
        List<String> after = List.of(TopicRecords.keyOnPartitionOf(changed, Topics.PARTITIONS),
                TopicRecords.keyOnPartitionOf(changed, Topics.PARTITIONS));
        String registered = EventSchemas.example(EventTypes.KIM_REGISTERED);
        String statusChanged = EventSchemas.example(EventTypes.KIM_STATUS_CHANGED);
        List<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>(List.of(
                record(EventTypes.KIM_REGISTERED, changed, registered),
                record(EventTypes.KIM_STATUS_CHANGED, changed, statusChanged),
                record(EventTypes.KIM_REGISTERED, changed, registered),
                record(EventTypes.KIM_STATUS_CHANGED, unknown, statusChanged)));
        after.forEach(id -> records.add(record(EventTypes.KIM_REGISTERED, id, registered)));
        TopicRecords.sendAll(bootstrap, records);

        Map<String, Object> letter = DeadLetterApi.awaitKept(TestIssuer.as(Caller.MINISTRY_ADMIN, port), unknown, WAIT);
        assertThat((String) letter.get("reason")).contains("has not heard KIM " + unknown + " registered");
        await().atMost(WAIT).until(() -> after.stream().allMatch(id -> view(id) != null));
        assertThat(view(changed)).containsEntry("status", "VERIFIED").containsEntry("version", 2L);
        assertThat(view(unknown)).isNull();
    }

    private static org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(String type, String kimId, String example) {
        return TopicRecords.cloudEvent(Topics.KIMS, type, kimId, example.replace(EXAMPLE_ID, kimId));
    }

    @Test
    void aStatusChangeOfAKimNeverRegisteredIsDeadLetteredAndAppliedOnceWhenReplayedAfterTheRegistration() {
        String kimId = UUID.randomUUID().toString();
        publish(EventTypes.KIM_STATUS_CHANGED, kimId, EventSchemas.example(EventTypes.KIM_STATUS_CHANGED));

        Map<String, Object> letter = DeadLetterApi.awaitKept(TestIssuer.as(Caller.MINISTRY_ADMIN, port), kimId, WAIT);
        assertThat((String) letter.get("reason")).contains("has not heard KIM " + kimId + " registered");
        assertThat(view(kimId)).as("not taken as a new KIM").isNull();

        publish(EventTypes.KIM_REGISTERED, kimId, EventSchemas.example(EventTypes.KIM_REGISTERED));
        await().atMost(WAIT).until(() -> view(kimId) != null);
        Http http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
        assertThat(http.postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay", "{}").status()).isEqualTo(200);
        assertThat(view(kimId)).containsEntry("status", "VERIFIED").containsEntry("version", 2L);
        assertThat(http.postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay", "{}").status()).isEqualTo(200);
        assertThat(view(kimId)).containsEntry("version", 2L);
    }

    @Test
    void recordsAgainstTheContractOrForAnUnknownVillageAreDeadLetteredAtOnce() {
        String noVillage = UUID.randomUUID().toString();
        String noName = UUID.randomUUID().toString();
        String unknownVillage = UUID.randomUUID().toString();
        String example = EventSchemas.example(EventTypes.KIM_REGISTERED);
        publish(EventTypes.KIM_REGISTERED, noVillage, example.replace("\"villageCode\": \"63.03.05.1001\",", ""));
        publish(EventTypes.KIM_REGISTERED, noName, example.replace("\"name\": \"KIM Martapura Bersinar\",", ""));
        publish(EventTypes.KIM_REGISTERED, unknownVillage, example.replace("63.03.05.1001", "99.99.99.9999"));

        assertThat((String) DeadLetterApi.awaitKept(TestIssuer.as(Caller.MINISTRY_ADMIN, port), noVillage, WAIT).get("reason")).contains("does not match its schema", "villageCode");
        assertThat((String) DeadLetterApi.awaitKept(TestIssuer.as(Caller.MINISTRY_ADMIN, port), noName, WAIT).get("reason")).contains("does not match its schema", "name");
        assertThat((String) DeadLetterApi.awaitKept(TestIssuer.as(Caller.MINISTRY_ADMIN, port), unknownVillage, WAIT).get("reason")).contains("99.99.99.9999", "does not know");
        assertThat(view(noVillage)).isNull();
        assertThat(view(noName)).isNull();
        assertThat(view(unknownVillage)).isNull();
    }

    private void publish(String type, String kimId, String example) {
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, type, kimId, example.replace(EXAMPLE_ID, kimId)));
    }

    private Document view(String kimId) {
        return mongo.findById(kimId, Document.class, KimView.COLLECTION);
    }

}
