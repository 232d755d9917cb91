package id.simpul.registry.seed;

import id.simpul.registry.kim.KimId;
import id.simpul.registry.kim.KimService;
import id.simpul.registry.region.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Loads sample KIMs at start-up when {@code simpul.seed.kims} names a JSON file (./simpul start does). Each seed
 * KIM gets an id derived from its key, so loading the file again changes nothing.
 */
@Component
class SeedKims implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedKims.class);

    private final KimService kims;
    private final ResourceLoader resources;
    private final String location;

    SeedKims(KimService kims, ResourceLoader resources, @Value("${simpul.seed.kims:}") String location) {
        this.kims = kims;
        this.resources = resources;
        this.location = location;
    }

    record SeedKim(String key, String name, String villageCode) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (location.isBlank()) {
            return;
        }
        Resource resource = resources.getResource(location);
        List<SeedKim> seeds;
        try (InputStream in = resource.getInputStream()) {
            seeds = List.of(JsonMapper.builder().build().readValue(in, SeedKim[].class));
        }
        int added = 0;
        for (SeedKim seed : seeds) {
            KimId id = idOf(seed.key());
            if (kims.find(id).isEmpty()) {
                kims.register(id, seed.name(), new RegionCode(seed.villageCode()));
                added++;
            }
        }
        log.info("Seed KIMs from {}: {} added, {} already present", location, added, seeds.size() - added);
    }

    static KimId idOf(String key) {
        return new KimId(UUID.nameUUIDFromBytes(("simpul-seed-kim:" + key).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
