package id.simpul.training.kimview;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class KimViewIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoOperations mongo;

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
}
