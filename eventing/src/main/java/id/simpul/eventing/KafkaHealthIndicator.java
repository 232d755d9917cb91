package id.simpul.eventing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * {@code kafka} in {@code /actuator/health}: UP when the cluster answers a metadata request, with its id and node
 * count, and whether the outbox relay is keeping up.
 */
public final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MS = 1000;

    private final KafkaAdmin kafkaAdmin;
    private final OutboxRelay relay;
    private Admin admin;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin, OutboxRelay relay) {
        super("Kafka health check failed");
        this.kafkaAdmin = kafkaAdmin;
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
        Instant since = relay == null ? null : relay.unavailableSince();
        if (since != null) {
            builder.withDetail("outboxRelayFailingSince", since.toString());
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close();
        }
    }
}
