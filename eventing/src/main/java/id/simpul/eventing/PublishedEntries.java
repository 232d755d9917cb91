package id.simpul.eventing;

import id.simpul.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which outbox entries are on their topics already: those a relay may have published without removing them (it died
 * between Kafka's acknowledgement and the removal, or the acknowledgement did not arrive in time). Each entry's record
 * has the entry's time as its timestamp and its aggregate id as key, so only the key's partition from the first
 * record at or after that time needs reading.
 */
final class PublishedEntries {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> consumerProperties;

    PublishedEntries(Map<String, Object> kafkaProperties) {
        Map<String, Object> properties = new HashMap<>(kafkaProperties);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-relay-check");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties = Map.copyOf(properties);
    }

    /** The ids of those of {@code entries} that some record on their topic already carries. */
    Set<String> published(Collection<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        Set<String> wanted = new HashSet<>();
        entries.forEach(entry -> wanted.add(entry.id()));
        Set<String> found = new HashSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<String, Integer> partitionCounts = new HashMap<>();
            Map<TopicPartition, Long> earliest = new HashMap<>();
            for (OutboxEntry entry : entries) {
                int partitions = partitionCounts.computeIfAbsent(entry.topic(), t -> consumer.partitionsFor(t, TIMEOUT).size());
                TopicPartition partition = new TopicPartition(entry.topic(), partitionOf(entry.key(), partitions));
                earliest.merge(partition, entry.time().toEpochMilli(), Math::min);
            }
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(earliest, TIMEOUT);
            Map<TopicPartition, Long> from = new HashMap<>();
            starts.forEach((partition, start) -> {
                if (start != null) {
                    from.put(partition, start.offset());
                }
            });
            if (from.isEmpty()) {
                return found;
            }
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet(), TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (from.keySet().stream().anyMatch(p -> consumer.position(p, TIMEOUT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new OutboxRelay.KafkaUnavailableException("Could not read back what was published", null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader(CloudEventHeaders.ID);
                    if (id != null) {
                        String eventId = new String(id.value(), StandardCharsets.UTF_8);
                        if (wanted.contains(eventId)) {
                            found.add(eventId);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The partition Kafka's producer gives a record with this key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
