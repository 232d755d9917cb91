package id.simpul.testinfra;

import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link IntegrationTest} class again on Testcontainers: real Kafka and a MongoDB replica set. Put it on a
 * subclass of the embedded test; where no Docker engine runs, the subclass is skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = ContainersInfraInitializer.class, inheritInitializers = false)
public @interface OnContainers {
}
