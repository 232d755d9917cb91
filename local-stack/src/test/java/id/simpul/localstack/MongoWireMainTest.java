package id.simpul.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireMainTest {

    @TempDir
    Path dataDir;

    @Test
    void theH2FileBackendKeepsDocumentsAcrossARestart() throws IOException {
        int port = KafkaBroker.freePort();
        JavaProcess server = start(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            collection(client).insertOne(new Document("_id", "kim-1").append("name", "KIM Sinar"));
        }
        assertThat(server.stop(Duration.ofSeconds(20))).isTrue();

        JavaProcess restarted = start(port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            assertThat(collection(client).find(new Document("_id", "kim-1")).first())
                    .containsEntry("name", "KIM Sinar");
        } finally {
            restarted.stop(Duration.ofSeconds(20));
        }
    }

    private JavaProcess start(int port) throws IOException {
        JavaProcess process = JavaProcess.start("mongo-test", List.of("-Xmx128m"),
                List.of("-cp", System.getProperty("java.class.path"), MongoWireMain.class.getName()),
                List.of("--port", String.valueOf(port), "--file", dataDir.resolve("mongo/simpul.mv").toString(),
                        "--exit-with-parent", String.valueOf(ProcessHandle.current().pid())),
                Map.of(), dataDir.resolve("mongo.log"), false);
        Readiness.await("Mongo-wire server", process, Duration.ofSeconds(30), () -> Readiness.tcpOpen("localhost", port));
        return process;
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("persistence").getCollection("kims");
    }
}
