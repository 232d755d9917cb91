package id.simpul.eventing;

import id.simpul.eventing.sample.Parcel;
import id.simpul.eventing.sample.ParcelId;
import id.simpul.localstack.KafkaBroker;
import id.simpul.testinfra.EmbeddedInfrastructure;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static id.simpul.eventing.EventingSampleApplication.TOPIC;
import static id.simpul.eventing.EventingSampleApplication.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What happens to events while Kafka or the service is gone. Needs the restartable embedded broker. */
@IntegrationTest
@DisabledIfSystemProperty(named = "infra", matches = "containers", disabledReason = "stops and restarts the embedded broker")
class KafkaOutageTest {

    @Autowired
    AggregateStore<Parcel> parcels;
    @Autowired
    MongoOperations mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventIsPublishedOnceWhenItReturns() {
        KafkaBroker kafka = EmbeddedInfrastructure.get().kafka();
        List<ParcelId> written = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 20; i++) {
                written.add(newParcel(parcels, "written-during-outage-" + i));
            }
            // Nothing is marked sent while no broker can acknowledge it.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> pendingCount(mongo, written) == written.size());
        } finally {
            kafka.start();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> pendingCount(mongo, written) == 0);
        Set<String> keys = keys(written);
        List<ConsumerRecord<String, String>> records =
                TopicRecords.read(bootstrap, TOPIC, r -> keys.contains(r.key()), written.size(), Duration.ofSeconds(30));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
        await().atMost(Duration.ofSeconds(60)).until(() -> written.stream().allMatch(id -> view(mongo, id) != null));
        assertThat(written).allSatisfy(id -> assertThat(view(mongo, id).getInteger("applied")).isEqualTo(1));
    }

    @Test
    void eventsStoredByAServiceThatDiedBeforePublishingArePublishedAfterItRestarts() {
        String database = "restart-" + UUID.randomUUID();
        List<ParcelId> written;
        try (ConfigurableApplicationContext beforeCrash = sampleService(database, false)) {
            AggregateStore<Parcel> store = parcelsOf(beforeCrash);
            written = IntStream.range(0, 5).mapToObj(i -> newParcel(store, "stored-before-crash-" + i)).toList();
            assertThat(pendingCount(beforeCrash.getBean(MongoOperations.class), written)).isEqualTo(5);
        }

        try (ConfigurableApplicationContext afterRestart = sampleService(database, true)) {
            MongoOperations restartedMongo = afterRestart.getBean(MongoOperations.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingCount(restartedMongo, written) == 0);
            Set<String> keys = keys(written);
            assertThat(TopicRecords.read(bootstrap, TOPIC, r -> keys.contains(r.key()), 5, Duration.ofSeconds(30)))
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    /** The sample service as its own application on the shared infrastructure and the given database. */
    private ConfigurableApplicationContext sampleService(String database, boolean relay) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.get();
        return new SpringApplicationBuilder(EventingSampleApplication.class)
                .properties(
                        "spring.main.web-application-type=none",
                        "spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "spring.mongodb.uri=" + infra.mongoUri(),
                        "spring.mongodb.database=" + database,
                        "simpul.eventing.relay.enabled=" + relay)
                .run();
    }

    @SuppressWarnings("unchecked")
    private static AggregateStore<Parcel> parcelsOf(ConfigurableApplicationContext context) {
        return context.getBean(AggregateStore.class);
    }

    private static ParcelId newParcel(AggregateStore<Parcel> store, String label) {
        Parcel.Created created = Parcel.create(new ParcelId(UUID.randomUUID().toString()), label);
        store.insert(created.parcel(), List.of(created.event()));
        return created.parcel().id();
    }

    private static long pendingCount(MongoOperations mongo, List<ParcelId> ids) {
        return ids.stream()
                .map(id -> mongo.findById(id.value(), Document.class, "parcels"))
                .filter(d -> !d.getList("outbox", Object.class).isEmpty())
                .count();
    }

    private static Document view(MongoOperations mongo, ParcelId id) {
        return mongo.findById(id.value(), Document.class, VIEW);
    }

    private static Set<String> keys(List<ParcelId> ids) {
        Set<String> keys = new HashSet<>();
        ids.forEach(id -> keys.add(id.value()));
        return keys;
    }
}
