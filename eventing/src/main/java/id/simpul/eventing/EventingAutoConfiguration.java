package id.simpul.eventing;

import id.simpul.platform.access.Rights;
import id.simpul.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Wires the outbox, its relay, the contract topics and the Kafka health check into every Simpul service. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class})
@EnableConfigurationProperties(EventingProperties.class)
public class EventingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Relay publishing: JSON bytes, every replica acknowledges, no duplicates from producer retries. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer outboxProducerSettings() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // Fail fast while Kafka is away; the relay retries with back-off and the events wait in MongoDB.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000));
    }

    /** Every topic of the contract, with its partitions, created at start-up or at the relay's first publication. */
    @Bean
    KafkaAdmin.NewTopics contractTopics(EventingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(topic -> {
                    TopicBuilder builder = TopicBuilder.name(topic).partitions(Topics.PARTITIONS);
                    if (properties.replicationFactor() != null) {
                        builder.replicas(properties.replicationFactor());
                    }
                    return builder.build();
                })
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(MongoOperations mongo, KafkaTemplate<?, ?> kafka, KafkaAdmin admin,
                            EventingProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxRelay(mongo, (KafkaTemplate<String, byte[]>) kafka, admin, properties.relay(), clock, meters);
    }

    @Bean
    @ConditionalOnBean(EventCatalog.class)
    @ConditionalOnMissingBean
    Outbox outbox(EventCatalog catalog, EventingProperties properties, Environment environment, Clock clock) {
        String source = properties.source() != null
                ? properties.source()
                : "/simpul/" + environment.getProperty("spring.application.name", "unnamed-service");
        return new Outbox(catalog, EventJson.mapper(), source, clock);
    }

    /** Hints are useful for a moment only ({@link OutboxHints}). */
    @Bean
    @ConditionalOnBean(EventCatalog.class)
    NewTopic outboxHintsTopic() {
        return TopicBuilder.name(OutboxHints.TOPIC).partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis())).build();
    }

    /**
     * Hints between the instances of a service that publishes events, so that the one relaying a collection
     * publishes the others' writes at once.
     */
    @Bean
    @ConditionalOnBean(EventCatalog.class)
    OutboxHints outboxHints(KafkaProperties kafka, OutboxRelay relay, Environment environment) {
        return new OutboxHints(kafka, relay, environment.getProperty("spring.application.name", "unnamed-service"));
    }

    @Bean
    @ConditionalOnBean(EventCatalog.class)
    ConcurrentMessageListenerContainer<String, String> outboxHintsListener(OutboxHints hints, KafkaProperties kafka,
                                                                        OutboxRelay relay) {
        return hints.listener(kafka, relay);
    }

    @Bean
    AggregateStores aggregateStores(MongoOperations mongo, ObjectProvider<Outbox> outbox, OutboxRelay relay) {
        return new AggregateStores(mongo, outbox, relay);
    }

    /** Retries, dead letters and store outages of every consumer binding (see {@link ConsumerFailures}). */
    @Bean
    @ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
    ConsumerFailures consumerFailures(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new ConsumerFailures(new KafkaTemplate<>(new DefaultKafkaProducerFactory<byte[], byte[]>(producer)));
    }

    /** A service with a dead-letter topic keeps its dead letters and serves them (see {@link DeadLetters}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("simpul.eventing.dead-letters.topic")
    static class DeadLetterConfiguration {

        @Bean
        DeadLetters deadLetters(MongoOperations mongo, ObjectProvider<DeadLetters.Replay> replay,
                                EventingProperties properties, Clock clock, MeterRegistry meters) {
            return new DeadLetters(mongo, replay.getObject(), properties.deadLetters().topic(), clock, meters);
        }

        @Bean
        DeadLetterRecorder deadLetterRecorder(DeadLetters deadLetters, KafkaProperties kafka, EventingProperties properties,
                                              Environment environment) {
            String group = properties.deadLetters().group() != null ? properties.deadLetters().group()
                    : environment.getProperty("spring.application.name", "simpul") + "-dead-letters";
            return new DeadLetterRecorder(deadLetters, kafka.buildConsumerProperties(), group);
        }

        @Bean
        Rights deadLetterRights() {
            return EventingRights.deadLetters();
        }

        @Bean
        DeadLetterController deadLetterController(DeadLetters deadLetters) {
            return new DeadLetterController(deadLetters);
        }

        @Bean(name = "deadLettersHealthIndicator")
        HealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
            return new DeadLetterHealthIndicator(deadLetters);
        }
    }

    @Bean
    Rights consistencyRights() {
        return EventingRights.consistency();
    }

    @Bean
    ConsistencyController consistencyController(AggregateStores stores, ObjectProvider<ConsistencySource> views,
                                                ObjectProvider<ConsistencySource.Several> severalViews,
                                                ObjectProvider<DeadLetters> deadLetters, ObjectProvider<Outbox> outbox,
                                                Environment environment) {
        return new ConsistencyController(stores, views, severalViews, deadLetters, outbox,
                environment.getProperty("spring.application.name", "unnamed-service"));
    }

    @Bean(name = "kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin, OutboxRelay relay) {
        return new KafkaHealthIndicator(admin, relay);
    }
}
