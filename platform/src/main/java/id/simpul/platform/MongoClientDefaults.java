package id.simpul.platform;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

import java.util.concurrent.TimeUnit;

/**
 * The MongoDB client settings every service shares: a write is acknowledged once a majority of the replica set has
 * it in its journal (on the embedded Mongo-wire server, once it is on disk), and an unreachable store fails an
 * operation within a couple of seconds instead of the driver's 30 s, so clients get a quick 503.
 */
final class MongoClientDefaults implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final MongoSettings settings;

    MongoClientDefaults(MongoSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        builder.writeConcern(writeConcern())
                .applyToClusterSettings(cluster -> cluster
                        .serverSelectionTimeout(settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool
                        .maxWaitTime(settings.maxWaitTime().toMillis(), TimeUnit.MILLISECONDS))
                .applyToServerSettings(server -> server
                        .heartbeatFrequency(settings.heartbeatFrequency().toMillis(), TimeUnit.MILLISECONDS));
    }

    WriteConcern writeConcern() {
        String w = settings.writeConcern().strip();
        WriteConcern concern = w.chars().allMatch(Character::isDigit) ? new WriteConcern(Integer.parseInt(w)) : new WriteConcern(w);
        return concern.withJournal(settings.journal());
    }

    /** Before Spring Boot's own customizer, which applies {@code spring.mongodb.uri}: options in the URI win. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
