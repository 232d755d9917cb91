package id.simpul.testinfra;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

/**
 * Points a test's Spring context at the test infrastructure ({@code -Dinfra=embedded|containers}), each context
 * with a database of its own, and at the test token issuer.
 */
public class InfraInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        apply(infrastructure(), context);
    }

    protected Infrastructure infrastructure() {
        return "containers".equals(Infrastructure.requestedMode())
                ? ContainerInfrastructure.get()
                : EmbeddedInfrastructure.get();
    }

    static void apply(Infrastructure infra, ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "spring.mongodb.uri=" + infra.mongoUri(),
                "spring.mongodb.database=test-" + UUID.randomUUID(),
                // Tokens of the test issuer (TestIssuer), checked as identity-service's are.
                "simpul.security.issuer-uri=" + TestIssuer.get().issuerUri()
        ).applyTo(context);
    }
}
