package id.simpul.reporting.projection;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds the read models when they are gone although reporting-service had consumed events before: its database
 * was new or wiped while the consumer group {@code simpul-reporting} has committed offsets, so the live consumer
 * would carry on from there and the earlier events would be missing from every figure.
 */
@Component
class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);
    static final String GROUP = "simpul-reporting";

    private final Generations generations;
    private final Rebuilder rebuilder;
    private final String bootstrapServers;

    Recovery(Generations generations, Rebuilder rebuilder, @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.generations = generations;
        this.rebuilder = rebuilder;
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${simpul.reporting.generations-refresh:1000}")
    void check() {
        if (!generations.takeCreated()) {
            return;
        }
        try {
            if (consumedBefore()) {
                log.warn("The read models are new but {} consumed events before: rebuilding them from the topics", GROUP);
                rebuilder.start();
            }
        } catch (Rebuilder.AlreadyRunningException running) {
            log.info("Read models are being rebuilt already: {}", running.getMessage());
        } catch (Exception e) {
            log.warn("Could not tell whether the read models need a rebuild (POST /api/admin/projections/rebuild does it)", e);
        }
    }

    private boolean consumedBefore() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            return !admin.listConsumerGroupOffsets(GROUP, new ListConsumerGroupOffsetsOptions())
                    .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS).isEmpty();
        }
    }
}
