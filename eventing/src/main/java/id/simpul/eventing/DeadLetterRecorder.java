package id.simpul.eventing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the service's dead-letter topic into {@link DeadLetters}, in a consumer group of its own, from the first
 * record on, at every start. A record is committed only once it is kept; while the store is away it is retried, never skipped.
 */
final class DeadLetterRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final ConcurrentMessageListenerContainer<byte[], byte[]> container;

    DeadLetterRecorder(DeadLetters deadLetters, Map<String, Object> consumerProperties, String group) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<byte[], byte[]> factory = new DefaultKafkaConsumerFactory<>(properties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ContainerProperties container = new ContainerProperties(deadLetters.topic());
        container.setMessageListener((MessageListener<byte[], byte[]>) deadLetters::record);
        // Every start reads the topic from its beginning: keeping a record twice changes nothing, and a store that
        // lost its dead letters gets them back.
        container.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                consumer.seekToBeginning(partitions);
            }
        });
        this.container = new ConcurrentMessageListenerContainer<>(factory, container);
        this.container.setCommonErrorHandler(new DefaultErrorHandler((record, e) -> log.error(
                "Could not keep dead letter {}-{}@{}", record.topic(), record.partition(), record.offset(), e),
                new FixedBackOff(2000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        this.container.setBeanName("dead-letter-recorder");
    }

    @Override
    public void start() {
        container.start();
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }
}
