package id.simpul.eventing;

import id.simpul.eventing.sample.Parcel;
import id.simpul.eventing.sample.ParcelId;
import id.simpul.testinfra.EmbeddedInfrastructure;
import id.simpul.testinfra.InfraCondition;
import id.simpul.testinfra.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static id.simpul.eventing.EventingSampleApplication.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances of a service on one database: one relays at a time, none publishes twice, the other takes over. */
@ExtendWith(InfraCondition.class)
@DisabledIfSystemProperty(named = "infra", matches = "containers", disabledReason = "starts its own instances on the embedded infrastructure")
class RelayLeaseTest {

    @Test
    void twoInstancesPublishEveryEventOnceAndTheSecondTakesOverWhenTheFirstStops() {
        String database = "lease-" + UUID.randomUUID();
        List<ParcelId> written = new ArrayList<>();
        try (ConfigurableApplicationContext first = instance(database); ConfigurableApplicationContext second = instance(database)) {
            for (int i = 0; i < 10; i++) {
                written.add(newParcel(first, "from-first-" + i));
                written.add(newParcel(second, "from-second-" + i));
            }
            assertPublishedOnce(written);

            first.close();
            List<ParcelId> afterStop = List.of(newParcel(second, "after-first-stopped"));
            assertPublishedOnce(afterStop);
        }
    }

    @Test
    void theInstanceWithoutTheLeaseHintsItsWritesToTheOneWithItWhichPublishesThemBeforeItsSweep() {
        String database = "hints-" + UUID.randomUUID();
        // A sweep every minute (at most 30 s once idle): only the hints get the second instance's events out sooner.
        try (ConfigurableApplicationContext first = instance(database, "simpul.eventing.relay.sweep-interval=60s");
             ConfigurableApplicationContext second = instance(database, "simpul.eventing.relay.sweep-interval=60s")) {
            MongoOperations mongo = first.getBean(MongoOperations.class);
            assertThat(first.getBeansOfType(OutboxHints.class)).hasSize(1);
            assertThat(second.getBean("outboxHintsListener", org.springframework.context.Lifecycle.class).isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("parcels", Document.class, OutboxRelay.LOCKS) != null);
            List<ParcelId> written = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                written.add(newParcel(first, "hinted-first-" + i));
                written.add(newParcel(second, "hinted-second-" + i));
            }
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> written.stream().allMatch(id ->
                    mongo.findById(id.value(), Document.class, "parcels").getList(OutboxRelay.OUTBOX, Document.class).isEmpty()));
            System.out.printf("Both instances' events published %d ms after the writes%n", (System.nanoTime() - started) / 1_000_000);
            assertPublishedOnce(written);
        }
    }

    @Test
    void eventsARelayPublishedWithoutRemovingThemAreNotPublishedAgainByTheNextOne() {
        String database = "restart-" + UUID.randomUUID();
        List<ParcelId> written = new ArrayList<>();
        try (ConfigurableApplicationContext crashed = instance(database, "simpul.eventing.relay.enabled=false")) {
            for (int i = 0; i < 5; i++) {
                written.add(newParcel(crashed, "before-the-crash-" + i));
            }
            // The relay that "crashed" had sent three of them and Kafka had them, but it never removed them.
            MongoOperations mongo = crashed.getBean(MongoOperations.class);
            for (ParcelId id : written.subList(0, 3)) {
                Document stored = mongo.findById(id.value(), Document.class, "parcels");
                OutboxEntry entry = OutboxEntry.fromDocument(stored.getList(OutboxRelay.OUTBOX, Document.class).getFirst());
                ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(entry);
                TopicRecords.send(EmbeddedInfrastructure.get().kafkaBootstrapServers(), record);
            }
        }

        try (ConfigurableApplicationContext next = instance(database)) {
            MongoOperations mongo = next.getBean(MongoOperations.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> written.stream().allMatch(id ->
                    mongo.findById(id.value(), Document.class, "parcels").getList(OutboxRelay.OUTBOX, Document.class).isEmpty()));
            assertPublishedOnce(written);
            assertThat(next.getBean(MeterRegistry.class).counter("simpul.outbox.found.published").count()).isEqualTo(3.0);
        }
    }

    private void assertPublishedOnce(List<ParcelId> ids) {
        Set<String> keys = ids.stream().map(ParcelId::value).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> records = TopicRecords.read(EmbeddedInfrastructure.get().kafkaBootstrapServers(),
                TOPIC, r -> keys.contains(r.key()), keys.size(), Duration.ofSeconds(60));
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
    }

    @SuppressWarnings("unchecked")
    private static ParcelId newParcel(ConfigurableApplicationContext context, String label) {
        AggregateStore<Parcel> store = context.getBean(AggregateStore.class);
        Parcel.Created created = Parcel.create(new ParcelId(UUID.randomUUID().toString()), label);
        store.insert(created.parcel(), List.of(created.event()));
        return created.parcel().id();
    }

    private static ConfigurableApplicationContext instance(String database, String... more) {
        EmbeddedInfrastructure infra = EmbeddedInfrastructure.get();
        return new SpringApplicationBuilder(EventingSampleApplication.class)
                .properties("spring.main.web-application-type=none",
                        "spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "spring.mongodb.uri=" + infra.mongoUri(),
                        "spring.mongodb.database=" + database)
                .properties("simpul.eventing.relay.sweep-interval=500ms")
                .properties(more)
                .run();
    }
}
