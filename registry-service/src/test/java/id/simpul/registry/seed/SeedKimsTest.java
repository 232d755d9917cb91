package id.simpul.registry.seed;

import id.simpul.registry.kim.KimService;
import id.simpul.testinfra.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SeedKimsTest {

    @Autowired
    KimService kims;
    @Autowired
    ResourceLoader resources;
    @Autowired
    MongoOperations mongo;

    @Test
    void loadingTheSeedFileTwiceAddsEachKimOnce() throws Exception {
        SeedKims seed = new SeedKims(kims, resources, "classpath:seed-kims-sample.json");

        seed.run(new DefaultApplicationArguments());
        long afterFirst = mongo.count(new Query(), "kims");
        seed.run(new DefaultApplicationArguments());

        assertThat(afterFirst).isEqualTo(3);
        assertThat(mongo.count(new Query(), "kims")).isEqualTo(3);
        assertThat(kims.find(SeedKims.idOf("banjar-martapura")).orElseThrow().name()).isEqualTo("KIM Martapura Bersinar");
    }
}
