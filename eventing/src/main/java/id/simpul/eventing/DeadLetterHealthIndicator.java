package id.simpul.eventing;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code deadLetters} in {@code /actuator/health}: how many dead letters wait for someone to replay or discard them.
 * Waiting dead letters do not make the service unhealthy; they are a task for an operator.
 */
final class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetters deadLetters;

    DeadLetterHealthIndicator(DeadLetters deadLetters) {
        super("Dead letters could not be counted");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        deadLetters.refreshCount();
        builder.up().withDetail("waiting", deadLetters.waiting()).withDetail("topic", deadLetters.topic())
                .withDetail("api", "/api/admin/dead-letters");
    }
}
