package id.simpul.localstack;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireMainTest {

    @TempDir
    Path dataDir;

    @Test
    void theH2FileBackendKeepsDocumentsAcrossARestart() throws IOException {
        int port = KafkaBroker.freePort();
        JavaProcess server = start(port);
        try (MongoClient client = client(port)) {
            collection(client).insertOne(new Document("_id", "kim-1").append("name", "KIM Sinar"));
        }
        assertThat(server.stop(Duration.ofSeconds(20))).isTrue();

        JavaProcess restarted = start(port);
        try (MongoClient client = client(port)) {
            assertThat(collection(client).find(new Document("_id", "kim-1")).first())
                    .containsEntry("name", "KIM Sinar");
        } finally {
            restarted.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKill9InTheMiddleOfWriting() throws Exception {
        int port = KafkaBroker.freePort();
        JavaProcess server = start(port);
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Set<String> updated = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch enough = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> kims = collection(client);
            kims.createIndex(new Document("nameKey", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        String id = "kim-" + writer + "-" + i;
                        try {
                            kims.insertOne(new Document("_id", id).append("nameKey", id).append("status", "SUBMITTED"));
                            inserted.add(id);
                            if (i % 3 == 0) {
                                kims.updateOne(Filters.eq("_id", id), Updates.set("status", "VERIFIED"));
                                updated.add(id);
                            }
                        } catch (MongoException gone) {
                            return;
                        }
                        if (inserted.size() >= 1500) {
                            enough.countDown();
                        }
                    }
                });
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("1,500 writes acknowledged").isTrue();
            server.kill();
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        Set<String> acknowledged = new HashSet<>(inserted);
        Set<String> acknowledgedUpdates = new HashSet<>(updated);

        JavaProcess restarted = start(port);
        try (MongoClient client = client(port)) {
            List<Document> stored = collection(client).find().into(new ArrayList<>());
            Set<String> storedIds = new HashSet<>();
            Set<String> verified = new HashSet<>();
            for (Document kim : stored) {
                storedIds.add(kim.getString("_id"));
                if ("VERIFIED".equals(kim.getString("status"))) {
                    verified.add(kim.getString("_id"));
                }
            }
            System.out.printf("Killed after %,d acknowledged inserts and %,d updates; %,d documents after the restart%n",
                    acknowledged.size(), acknowledgedUpdates.size(), stored.size());
            assertThat(storedIds).containsAll(acknowledged);
            assertThat(verified).containsAll(acknowledgedUpdates);
            // The unique index came back whole: every stored document is found through it.
            for (String id : acknowledged) {
                assertThat(collection(client).countDocuments(Filters.eq("nameKey", id))).isEqualTo(1);
            }
        } finally {
            restarted.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void slowCommandsAreLoggedWithTheirShapeAndWithoutTheirValues() throws IOException {
        int port = KafkaBroker.freePort();
        // Every command counts as slow here.
        JavaProcess server = start(port, "--slow-ms", "0", "--cache-mb", "8");
        try (MongoClient client = client(port)) {
            collection(client).insertOne(new Document("_id", "kim-1").append("name", "KIM Sinar Pagi"));
            assertThat(collection(client).find(Filters.and(Filters.eq("name", "KIM Sinar Pagi"), Filters.exists("outbox.0")))
                    .into(new ArrayList<>())).isEmpty();
        } finally {
            server.stop(Duration.ofSeconds(20));
        }
        String log = java.nio.file.Files.readString(dataDir.resolve("mongo.log"));
        assertThat(log).contains("page cache 8 MiB")
                .containsPattern("Slow command: \\d+ ms persistence\\.insert kims documents=\\[1 × \\{_id: \\?, name: \\?}]")
                .containsPattern("Slow command: \\d+ ms persistence\\.find kims filter=\\{\\$and: \\[2 × \\{name: \\?}]}")
                .doesNotContain("Sinar");
    }

    private JavaProcess start(int port, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port), "--file", dataDir.resolve("mongo/simpul.mv").toString(),
                "--exit-with-parent", String.valueOf(ProcessHandle.current().pid())));
        args.addAll(List.of(options));
        JavaProcess process = JavaProcess.start("mongo-test", List.of("-Xmx256m", "-Dlog4j2.configurationFile=simpul-log4j2.xml"),
                List.of("-cp", System.getProperty("java.class.path"), MongoWireMain.class.getName()),
                args, Map.of(), dataDir.resolve("mongo.log"), false);
        Readiness.await("Mongo-wire server", process, Duration.ofSeconds(30), () -> Readiness.tcpOpen("localhost", port));
        return process;
    }

    private static MongoClient client(int port) {
        return MongoClients.create("mongodb://localhost:" + port + "/?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000");
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("persistence").getCollection("kims");
    }
}
