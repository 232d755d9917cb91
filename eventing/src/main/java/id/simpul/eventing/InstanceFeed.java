package id.simpul.eventing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A topic read by every instance of a service in full, each in a consumer group of its own, from the latest offset
 * and without committing: how an instance hears what the other instances changed (the KIMs another registry
 * instance stored, the read-model rows another reporting instance wrote) within a moment, on MongoDB without
 * change streams as on the embedded store. What an instance missed while it was away is not read again: it reads
 * the store in full when it starts, which {@code positioned} is there to order after the consumer's position.
 */
public final class InstanceFeed {

    private InstanceFeed() {
    }

    /**
     * What an instance tells the others on such a topic: small records, acknowledged by the leader only, sent
     * without waiting. Sending never fails the caller: a lost announcement costs only time, because each feed's
     * reader has a slower path (a sweep, a full read) that finds the same.
     */
    public static final class Announcements implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(Announcements.class);
        private final DefaultKafkaProducerFactory<String, String> factory;
        private final KafkaTemplate<String, String> template;

        /** A producer of its own (not a bean), so that the services' Kafka settings for the events stay as they are. */
        public Announcements(KafkaProperties kafka) {
            Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            settings.put(ProducerConfig.ACKS_CONFIG, "1");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
            factory = new DefaultKafkaProducerFactory<>(settings);
            template = new KafkaTemplate<>(factory);
        }

        public void send(String topic, String key, String value) {
            try {
                template.send(topic, key, value).whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.debug("Announcing {} on {} failed; its readers find it by their slower path", key, topic, failure);
                    }
                });
            } catch (RuntimeException e) {
                log.debug("Announcing {} on {} failed; its readers find it by their slower path", key, topic, e);
            }
        }

        @Override
        public void destroy() {
            factory.destroy();
        }
    }

    /**
     * A container reading {@code topic} in a group of its own, {@code <service>-<purpose>-<random UUID>}. {@code positioned}
     * runs each time partitions are assigned, once the consumer's position on them is fixed: whatever is stored after
     * that is announced to this instance, so a read of the store started then misses nothing.
     */
    public static <V> ConcurrentMessageListenerContainer<String, V> container(
            KafkaProperties kafka, String service, String purpose, String topic, Deserializer<V> values,
            BatchMessageListener<String, V> listener, Runnable positioned) {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, service + "-" + purpose + "-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener(listener);
        properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                partitions.forEach(consumer::position); // resolves "latest" now, not at the first fetch
                positioned.run();
            }
        });
        ConcurrentMessageListenerContainer<String, V> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(settings, new StringDeserializer(), values), properties);
        container.setBeanName(purpose + "Feed");
        return container;
    }
}
