package id.simpul.eventing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code simpul.eventing.*}: how a service publishes its events.
 *
 * @param source            the CloudEvents {@code ce_source} of this service's events
 * @param replicationFactor replicas of the topics this service creates; empty means the broker's default
 * @param deadLetters       where this service's consumer puts what it cannot apply
 */
@ConfigurationProperties("simpul.eventing")
public record EventingProperties(String source, Integer replicationFactor, @DefaultValue Relay relay,
                                 @DefaultValue DeadLetterTopic deadLetters) {

    /**
     * @param topic the service's dead-letter topic (the binding's {@code dlq-name}); set, the service keeps its dead
     *              letters and serves {@code /api/admin/dead-letters}
     * @param group the consumer group that reads it into the service's database; by default
     *              {@code <spring.application.name>-dead-letters}
     */
    public record DeadLetterTopic(String topic, String group) {
    }

    /**
     * @param enabled       whether this instance relays its outbox to Kafka
     * @param sweepInterval how often the relay looks for events it was not told about (other instances, restarts)
     * @param batchSize     documents claimed per round
     * @param lease         how long this instance relays a collection without renewing before another may take over
     * @param maxBackoff    longest pause between attempts while Kafka is unavailable
     * @param ackTimeout    longest wait for Kafka's acknowledgement of a batch
     */
    public record Relay(@DefaultValue("true") boolean enabled,
                        @DefaultValue("2s") Duration sweepInterval,
                        @DefaultValue("500") int batchSize,
                        @DefaultValue("30s") Duration lease,
                        @DefaultValue("10s") Duration maxBackoff,
                        @DefaultValue("25s") Duration ackTimeout) {
    }
}
