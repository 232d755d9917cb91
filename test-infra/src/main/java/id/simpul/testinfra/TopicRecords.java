package id.simpul.testinfra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes topics from outside a service, as another system (or kcat) would. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * Reads {@code topic} from the beginning until {@code expected} records matching {@code filter} were seen and
     * the end of every partition was reached, or {@code timeout} passed; returns the matching records in order.
     */
    public static List<ConsumerRecord<String, String>> read(String bootstrap, String topic,
                                                            Predicate<ConsumerRecord<String, String>> filter,
                                                            int expected, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "topic-records-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                }
                if (matching.size() >= expected && atEnd(consumer)) {
                    break;
                }
            }
            return matching;
        }
    }

    private static boolean atEnd(KafkaConsumer<String, String> consumer) {
        if (consumer.assignment().isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * Waits until consumer group {@code group} has committed offsets up to the end of every partition of
     * {@code topic}: everything on the topic so far has been processed.
     */
    public static void awaitConsumed(String bootstrap, String group, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                boolean done = ends.entrySet().stream().allMatch(e -> {
                    OffsetAndMetadata offset = committed.get(e.getKey());
                    return e.getValue().offset() == 0 || (offset != null && offset.offset() >= e.getValue().offset());
                });
                if (done) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(group + " has not consumed " + topic + " within " + timeout);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e.getCause());
        }
    }

    /** The partitions of {@code topic} each member of consumer group {@code group} holds now, by member id. */
    public static Map<String, java.util.Set<Integer>> assignments(String bootstrap, String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, java.util.Set<Integer>> held = new HashMap<>();
            admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().forEach(member ->
                    held.put(member.consumerId(), member.assignment().topicPartitions().stream()
                            .filter(partition -> partition.topic().equals(topic)).map(TopicPartition::partition)
                            .collect(java.util.stream.Collectors.toSet())));
            return held;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not describe consumer group " + group, e.getCause());
        }
    }

    /** Sends a record as is (raw bytes, given headers) and waits for the acknowledgement. */
    public static void send(String bootstrap, ProducerRecord<String, byte[]> record) {
        sendAll(bootstrap, List.of(record));
    }

    /** Sends records in order with one producer (idempotent, so each partition keeps their order) and waits for every acknowledgement. */
    public static void sendAll(String bootstrap, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<String, byte[]> record : records) {
                sent.add(producer.send(record));
            }
            for (java.util.concurrent.Future<?> acknowledgement : sent) {
                acknowledgement.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not send " + records.size() + " records", e);
        }
    }

    /** A consumed record as a record to send again: same topic, key, value and headers. */
    public static ProducerRecord<String, byte[]> again(ConsumerRecord<String, String> record) {
        return new ProducerRecord<>(record.topic(), null, record.key(),
                record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8), record.headers());
    }

    /**
     * A record as a Simpul producer writes it: CloudEvents headers (binary mode, a fresh {@code ce_id}), the
     * subject as key, the JSON payload as value. Headers without a value are left out.
     */
    public static ProducerRecord<String, byte[]> cloudEvent(String topic, String type, String subject, String json) {
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ce_specversion", "1.0");
        attributes.put("ce_id", UUID.randomUUID().toString());
        attributes.put("ce_type", type);
        attributes.put("ce_source", "/simpul/test");
        attributes.put("ce_time", Instant.now().toString());
        attributes.put("ce_subject", subject);
        attributes.put("content-type", "application/json");
        attributes.forEach((name, value) -> {
            if (value != null) {
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        return new ProducerRecord<>(topic, null, subject, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The partition a key goes to with Kafka's default partitioner, for tests that need two records in order. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A random UUID whose partition is that of {@code key}. */
    public static String keyOnPartitionOf(String key, int partitions) {
        int partition = partitionOf(key, partitions);
        String candidate;
        do {
            candidate = UUID.randomUUID().toString();
        } while (partitionOf(candidate, partitions) != partition);
        return candidate;
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
