package id.simpul.eventing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults every Simpul service shares, at the lowest precedence so that {@code application.yml} and the
 * environment can still change them.
 */
public class EventingDefaults implements EnvironmentPostProcessor {

    private static final Map<String, Object> DEFAULTS = Map.of(
            // Topic checks give up quickly while Kafka is down; the relay tries again with back-off.
            "spring.kafka.admin.operation-timeout", "5s",
            "spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers}",
            // The binder's health waits this long (seconds) for Kafka; health checks answer within 2 s whatever is down.
            "spring.cloud.stream.kafka.binder.health-timeout", "1");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("simpulEventingDefaults", DEFAULTS));
    }
}
