package id.simpul.testinfra;

/** Where an integration test finds Kafka and MongoDB. */
public interface Infrastructure {

    String kafkaBootstrapServers();

    /** A MongoDB connection string without a database name; each test context picks its own database. */
    String mongoUri();

    /** {@code embedded} (the default) or {@code containers}, from {@code -Dinfra=...}. */
    static String requestedMode() {
        return System.getProperty("infra", "embedded");
    }
}
