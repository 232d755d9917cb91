package id.simpul.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code simpul.mongodb.*}: how every service talks to its MongoDB, on top of {@code spring.mongodb.uri} (whose own
 * options, such as {@code w=} or {@code serverSelectionTimeoutMS=}, win over these).
 *
 * @param writeConcern           {@code majority} (acknowledged by a majority of a replica set) or a number of members
 * @param journal                whether a write is acknowledged only once it is in the journal on disk
 * @param serverSelectionTimeout how long an operation waits for a reachable server before it fails (a 503 to clients)
 * @param connectTimeout         how long opening a connection may take
 * @param readTimeout            how long one operation may wait for its answer on an open connection
 * @param maxWaitTime            how long an operation waits for a free connection from the pool
 * @param heartbeatFrequency     how often the driver checks the server, which is how soon it sees it back
 */
@ConfigurationProperties("simpul.mongodb")
public record MongoSettings(@DefaultValue("majority") String writeConcern,
                            @DefaultValue("true") boolean journal,
                            @DefaultValue("2s") Duration serverSelectionTimeout,
                            @DefaultValue("2s") Duration connectTimeout,
                            @DefaultValue("30s") Duration readTimeout,
                            @DefaultValue("5s") Duration maxWaitTime,
                            @DefaultValue("2s") Duration heartbeatFrequency) {
}
