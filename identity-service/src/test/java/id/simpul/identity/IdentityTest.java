package id.simpul.identity;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;

/**
 * identity-service on a real Mongo-wire server (in memory, one per test JVM) through the real driver, served on a
 * random port, with the demo users and a clock the tests can move. It needs no Kafka: it publishes no events.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"simpul.identity.demo-users=true", "logging.level.org.springframework.security=INFO"})
@ContextConfiguration(initializers = IdentityTest.MongoWire.class)
@Import(IdentityTest.Clocks.class)
public @interface IdentityTest {

    final class MongoWire implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static MongoServer server;

        public static synchronized String uri() {
            if (server == null) {
                server = new MongoServer(new MemoryBackend());
                String uri = server.bindAndGetConnectionString();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-shutdown"));
                return uri;
            }
            return "mongodb://" + server.getLocalAddress().getHostString() + ":" + server.getLocalAddress().getPort();
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.mongodb.uri=" + uri(), "spring.mongodb.database=test-identity-" + UUID.randomUUID())
                    .applyTo(context);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
