package id.simpul.localstack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @TempDir
    static Path dataDir;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.forTests(dataDir).start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void recordsSurviveABrokerRestartOnTheSameData() throws Exception {
        send("restart-topic", "same-key", "before");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThat(Readiness.kafkaReady(broker.bootstrapServers())).isFalse();
        broker.start();

        send("restart-topic", "same-key", "after");
        assertThat(readAll("restart-topic", 2)).containsExactly("before", "after");
    }

    @Test
    void aKilledBrokerComesBackWithItsData() throws Exception {
        send("crash-topic", "k", "acknowledged");

        broker.kill();
        broker.start();

        assertThat(readAll("crash-topic", 1)).containsExactly("acknowledged");
    }

    @Test
    void newTopicsGetSixPartitions() throws Exception {
        send("partitioned-topic", "k", "v");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            assertThat(consumer.partitionsFor("partitioned-topic")).hasSize(6);
        }
    }

    private void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private List<String> readAll(String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
    }
}
