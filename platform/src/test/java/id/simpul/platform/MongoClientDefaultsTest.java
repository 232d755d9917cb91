package id.simpul.platform;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MongoClientDefaultsTest {

    private static MongoSettings defaults(String writeConcern) {
        return new MongoSettings(writeConcern, true, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Test
    void writesAreAcknowledgedByAMajorityWithJournalAndAnUnreachableStoreFailsWithinTwoSeconds() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new MongoClientDefaults(defaults("majority")).customize(builder);
        MongoClientSettings settings = builder.build();

        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(5000);
    }

    @Test
    void aNumberOfMembersIsAWriteConcernToo() {
        assertThat(new MongoClientDefaults(defaults("2")).writeConcern()).isEqualTo(new WriteConcern(2).withJournal(true));
    }

    @Test
    void optionsInTheConnectionStringWinBecauseTheyAreAppliedAfterwards() {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new MongoClientDefaults(defaults("majority")).customize(builder);
        builder.applyConnectionString(new ConnectionString("mongodb://localhost/?w=1&serverSelectionTimeoutMS=9000"));

        MongoClientSettings settings = builder.build();
        assertThat(settings.getWriteConcern().getWObject()).isEqualTo(1);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(9000);
    }
}
