package id.simpul.identity.key;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The key set the services check tokens with stays published while identity's store is away. */
class PublishedKeysTest {

    private Instant now = Instant.parse("2026-12-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void theKeysReadLastArePublishedWhenTheStoreCannotBeRead() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort()
                + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            SigningKeys keys = new SigningKeys(new MongoTemplate(client, "identity"), clock);
            keys.ensureKey();
            List<String> published = kids(keys);
            assertThat(published).hasSize(1);

            server.shutdownNow();
            now = now.plus(Duration.ofMinutes(5));

            assertThat(kids(keys)).as("the store is away: the keys read before").isEqualTo(published);
            assertThat(kids(keys)).as("and again, without waiting for the store each time").isEqualTo(published);
        } finally {
            server.shutdownNow();
        }
    }

    private static List<String> kids(SigningKeys keys) throws Exception {
        return keys.published().get(new JWKSelector(new JWKMatcher.Builder().build()), null).stream().map(JWK::getKeyID).toList();
    }
}
