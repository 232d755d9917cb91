package id.simpul.registry.kim;

import id.simpul.platform.Actor;
import id.simpul.testinfra.IntegrationTest;
import jakarta.validation.Validator;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SeedKimsTest {

    @Autowired
    KimService kims;
    @Autowired
    ResourceLoader resources;
    @Autowired
    Validator validator;
    @Autowired
    MongoOperations mongo;

    @Test
    void theShippedSeedFileLoadsOnceWithEveryKimInItsStatus() throws Exception {
        String seeds = Path.of("..", "seeds", "kims.json").toAbsolutePath().toUri().toString();
        SeedKims seed = new SeedKims(kims, resources, validator, seeds);

        seed.run(new DefaultApplicationArguments());
        long afterFirst = seedCount();
        seed.run(new DefaultApplicationArguments());

        assertThat(afterFirst).isEqualTo(30);
        assertThat(seedCount()).isEqualTo(30);
        Kim pasayangan = read("banjar-pasayangan");
        assertThat(pasayangan.history()).extracting(step -> step.by().id()).containsOnly("simpul:seed");
        assertThat(pasayangan.status()).isEqualTo(KimStatus.DORMANT);
        assertThat(pasayangan.history()).extracting(StatusChange::to).containsExactly(
                KimStatus.SUBMITTED, KimStatus.VERIFIED, KimStatus.ACTIVE, KimStatus.DORMANT);
        assertThat(pasayangan.history().getLast().reason()).startsWith("Tidak ada kegiatan");
        assertThat(read("banjar-tanjung-rema").status()).isEqualTo(KimStatus.CANDIDATE);
        assertThat(read("jayapura-gurabesi").profile().village().value()).startsWith("91.");
    }

    private Kim read(String seedKey) {
        return Actor.as(new Actor("admin@kemkomdigi", java.util.List.of("MINISTRY_ADMIN"), ""),
                () -> kims.find(SeedKims.idOf(seedKey)).orElseThrow());
    }

    private long seedCount() {
        return mongo.count(Query.query(Criteria.where("contact.email").regex("@kim\\.example\\.id$")), "kims");
    }
}
