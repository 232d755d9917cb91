package id.simpul.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * What the very Mongo-wire server and Kafka broker of a bench system do without Simpul in between: inserts, upserts
 * and reads by id of KIM-sized documents (about 1 KB) in a scratch database, and acknowledged produce and consume of
 * 1 KB records on a scratch topic, both removed afterwards. Each Simpul figure is printed beside the limit it cannot
 * pass. The scratch collection has no index but {@code _id}; Simpul's collections have more, which a write pays for.
 */
final class RawLimits {

    private static final String DATABASE = "simpul_bench_raw";
    private static final Duration EACH = Duration.ofSeconds(4);
    private static final int BATCH = 500;
    private static final int PARTITIONS = 6;
    private static final int RECORDS = 50_000;
    private static final int LATENCY_RECORDS = 200;

    /** Operations per second by number of threads (insertOne, upsert, find), or for one thread (insertMany, Kafka). */
    record Rates(Map<Integer, Double> insertOne, double insertMany, Map<Integer, Double> upsert, Map<Integer, Double> find,
                 Latencies findLatency, double produce, double consume, Latencies endToEnd, int documentBytes) {
    }

    private RawLimits() {
    }

    static Rates measure(BenchSystem system) throws Exception {
        System.out.println();
        System.out.println("Raw limits: the Mongo-wire server and the Kafka broker of this system, without Simpul");
        Rates rates;
        try (MongoClient client = MongoClients.create(system.config.mongoUri())) {
            MongoCollection<Document> kims = client.getDatabase(DATABASE).getCollection("kims");
            kims.drop();
            int bytes = new RawBsonDocument(kim(UUID.randomUUID().toString()), new org.bson.codecs.DocumentCodec())
                    .getByteBuffer().remaining();
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            Map<Integer, Double> insertOne = new java.util.TreeMap<>();
            for (int threads : List.of(1, 4, 8, 32)) {
                insertOne.put(threads, timed(threads, () -> {
                    String id = UUID.randomUUID().toString();
                    kims.insertOne(kim(id));
                    ids.add(id);
                    return 1;
                }));
            }
            double insertMany = timed(1, () -> {
                List<Document> batch = IntStream.range(0, BATCH).mapToObj(i -> kim(UUID.randomUUID().toString())).toList();
                kims.insertMany(batch);
                return BATCH;
            });
            List<String> known = List.copyOf(ids);
            Map<Integer, Double> upsert = new java.util.TreeMap<>();
            for (int threads : List.of(1, 4)) {
                upsert.put(threads, timed(threads, () -> {
                    String id = known.get(ThreadLocalRandom.current().nextInt(known.size()));
                    kims.replaceOne(Filters.eq("_id", id), kim(id), new ReplaceOptions().upsert(true));
                    return 1;
                }));
            }
            long[] latencies = new long[2_000];
            for (int i = 0; i < latencies.length; i++) {
                String id = known.get(ThreadLocalRandom.current().nextInt(known.size()));
                long sent = System.nanoTime();
                if (kims.find(Filters.eq("_id", id)).first() == null) {
                    throw new IllegalStateException("The Mongo-wire server lost document " + id);
                }
                latencies[i] = System.nanoTime() - sent;
            }
            Map<Integer, Double> find = new java.util.TreeMap<>();
            for (int threads : List.of(1, 4)) {
                find.put(threads, timed(threads, () -> {
                    kims.find(Filters.eq("_id", known.get(ThreadLocalRandom.current().nextInt(known.size())))).first();
                    return 1;
                }));
            }
            client.getDatabase(DATABASE).drop();
            double[] kafka = kafka(system.config.kafkaBootstrap());
            rates = new Rates(insertOne, insertMany, upsert, find, Latencies.of(latencies), kafka[0], kafka[1],
                    kafkaEndToEnd(system.config.kafkaBootstrap()), bytes);
        }
        print(rates);
        return rates;
    }

    private interface Operation {
        /** Does one operation (or one batch); how many documents it handled. */
        int run() throws Exception;
    }

    /** Runs {@code operation} on {@code threads} threads for {@link #EACH}; documents per second. */
    private static double timed(int threads, Operation operation) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + EACH.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        done.addAndGet(operation.run());
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        }
        return done.get() / BenchSystem.seconds(start);
    }

    /** A document shaped like a stored KIM, about 1 KB. */
    static Document kim(String id) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int number = random.nextInt(1_000_000);
        return new Document("_id", id).append("version", 1L).append("name", "KIM Raw " + number)
                .append("villageCode", "63.03.05.1005").append("address", "Jl. Sungai Paring RT " + number % 40 + ", Martapura")
                .append("status", "SUBMITTED").append("foundedOn", "2024-01-15")
                .append("decree", new Document("number", number + "/SK/2024").append("date", "2024-03-01")
                        .append("issuer", "Lurah Sungai Paring"))
                .append("officers", new Document("chair", "Siti Rahmawati").append("secretary", "Ahmad Fauzi")
                        .append("treasurer", "Nur Aini").append("sectionHeads", List.of(
                                new Document("section", "Liputan").append("name", "Rizky Pratama"),
                                new Document("section", "Media sosial").append("name", "Dewi Lestari"))))
                .append("memberCount", 20 + number % 30)
                .append("contact", new Document("phone", "+62 812-5000-" + number % 10_000)
                        .append("email", "kim" + number + "@example.id"))
                .append("mediaChannels", List.of(
                        new Document("type", "INSTAGRAM").append("address", "@kim.raw" + number).append("followers", number % 5000),
                        new Document("type", "FACEBOOK").append("address", "https://facebook.com/kim.raw" + number)
                                .append("followers", number % 3000)))
                .append("focusAreas", List.of("HEALTH", "UMKM", "LITERACY"))
                .append("kimIdNumber", "KIM-63-" + number)
                .append("registeredAt", Date.from(Instant.now())).append("updatedAt", Date.from(Instant.now()))
                .append("registeredBy", "admin@kemkomdigi")
                .append("notes", "Dibentuk untuk menyebarkan informasi kesehatan ibu dan anak serta produk UMKM desa. "
                        + "Rapat rutin setiap bulan di balai desa.");
    }

    /** Produce (acknowledged by all replicas, idempotent, as the relays publish) then consume of 1 KB records. */
    private static double[] kafka(String bootstrap) throws Exception {
        String topic = "simpul.bench.raw." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
            try {
                byte[] value = kim("x").toJson().getBytes(StandardCharsets.UTF_8);
                AtomicReference<Exception> failure = new AtomicReference<>();
                long start = System.nanoTime();
                try (KafkaProducer<String, byte[]> producer = DashboardBenchmark.producer(bootstrap)) {
                    for (int i = 0; i < RECORDS; i++) {
                        RecordHeaders headers = new RecordHeaders();
                        headers.add("ce_type", "RawRecord".getBytes(StandardCharsets.UTF_8));
                        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                        producer.send(new ProducerRecord<>(topic, null, UUID.randomUUID().toString(), value, headers), (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                    }
                    producer.flush();
                }
                double produce = RECORDS / BenchSystem.seconds(start);
                if (failure.get() != null) {
                    throw new IllegalStateException("Kafka refused a raw record", failure.get());
                }
                start = System.nanoTime();
                int consumed = 0;
                try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
                    List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    while (consumed < RECORDS && BenchSystem.seconds(start) < 120) {
                        consumed += consumer.poll(Duration.ofMillis(500)).count();
                    }
                }
                return new double[] {produce, consumed / BenchSystem.seconds(start)};
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /** One record at a time: from send to a polling consumer's receipt. */
    private static Latencies kafkaEndToEnd(String bootstrap) throws Exception {
        String topic = "simpul.bench.raw.latency." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            try (KafkaProducer<String, byte[]> producer = DashboardBenchmark.producer(bootstrap);
                 KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                long[] latencies = new long[LATENCY_RECORDS];
                for (int i = 0; i < LATENCY_RECORDS; i++) {
                    long sent = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, "k", new byte[1024]));
                    producer.flush();
                    boolean heard = false;
                    while (!heard) {
                        for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(5))) {
                            heard = true;
                        }
                        if (BenchSystem.seconds(sent) > 10) {
                            throw new IllegalStateException("A raw record took more than 10 s to come back from Kafka");
                        }
                    }
                    latencies[i] = System.nanoTime() - sent;
                }
                return Latencies.of(latencies);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.CLIENT_ID_CONFIG, "simpul-bench-raw"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void print(Rates r) {
        System.out.printf("  Mongo-wire, a KIM-like document of %,d bytes (scratch collection, %d s each):%n", r.documentBytes(),
                EACH.toSeconds());
        r.insertOne().forEach((threads, rate) -> System.out.printf("    %-32s %,10.0f docs/s%n",
                "insertOne, " + threads + " thread" + (threads == 1 ? "" : "s"), rate));
        System.out.printf("    %-32s %,10.0f docs/s%n", "insertMany, batches of " + BATCH, r.insertMany());
        r.upsert().forEach((threads, rate) -> System.out.printf("    %-32s %,10.0f docs/s%n",
                "upsert by _id, " + threads + " thread" + (threads == 1 ? "" : "s"), rate));
        r.find().forEach((threads, rate) -> System.out.printf("    %-32s %,10.0f docs/s%n",
                "find by _id, " + threads + " thread" + (threads == 1 ? "" : "s"), rate));
        System.out.printf("    %-32s %s%n", "find by _id, latency", r.findLatency().summary());
        System.out.printf("  Kafka, 1 KB records, %d partitions, acks=all, idempotent:%n", PARTITIONS);
        System.out.printf("    %-32s %,10.0f records/s%n", "produce (" + String.format("%,d", RECORDS) + ")", r.produce());
        System.out.printf("    %-32s %,10.0f records/s%n", "consume", r.consume());
        System.out.printf("    %-32s %s%n", "send → consumer, one at a time", r.endToEnd().summary());
    }
}
