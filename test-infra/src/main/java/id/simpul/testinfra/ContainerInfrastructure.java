package id.simpul.testinfra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka and a real MongoDB replica set in containers, one pair per test JVM, for hosts with a Docker engine.
 * Tests that use it carry {@code @Testcontainers(disabledWithoutDocker = true)} and are skipped elsewhere.
 */
public final class ContainerInfrastructure implements Infrastructure {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static ContainerInfrastructure instance;

    private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    // MongoDBContainer starts a single-node replica set, as production runs.
    private final MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);

    private ContainerInfrastructure() {
        kafka.start();
        mongo.start();
    }

    public static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    public static synchronized ContainerInfrastructure get() {
        if (instance == null) {
            instance = new ContainerInfrastructure();
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }
}
