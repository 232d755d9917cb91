package id.simpul.testinfra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.simpul.localstack.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default test infrastructure, one per test JVM: a real Kafka broker (KRaft, child JVM, random port) and an
 * in-memory Mongo-wire server reached through the real MongoDB driver.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static EmbeddedInfrastructure instance;

    private final KafkaBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;

    private EmbeddedInfrastructure() {
        try {
            Path dataDir = Files.createTempDirectory("simpul-test-kafka");
            kafka = KafkaBroker.forTests(dataDir).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mongo = new MongoServer(new MemoryBackend());
        mongoUri = mongo.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.shutdownNow();
        }, "embedded-infrastructure-shutdown"));
    }

    public static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            instance = new EmbeddedInfrastructure();
        }
        return instance;
    }

    /** The broker itself, for tests that stop, kill and restart Kafka. */
    public KafkaBroker kafka() {
        return kafka;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }
}
