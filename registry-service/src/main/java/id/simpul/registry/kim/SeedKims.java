package id.simpul.registry.kim;

import id.simpul.platform.Actor;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads sample KIMs at start-up when {@code simpul.seed.kims} names a JSON file (./simpul start does): each is
 * registered and then taken through the lifecycle to its status, with the events that causes. Each seed KIM gets
 * an id derived from its key, so loading the file again changes nothing.
 */
@Component
class SeedKims implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedKims.class);

    private final KimService kims;
    private final ResourceLoader resources;
    private final Validator validator;
    private final String location;

    SeedKims(KimService kims, ResourceLoader resources, Validator validator, @Value("${simpul.seed.kims:}") String location) {
        this.kims = kims;
        this.resources = resources;
        this.validator = validator;
        this.location = location;
    }

    /** One seed KIM: its key, the status it should reach (with the reason for the last step) and its profile. */
    record SeedKim(String key, KimStatus status, String reason, KimRequest kim) {
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (location.isBlank()) {
            return;
        }
        List<SeedKim> seeds;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            seeds = List.of(JsonMapper.builder().build().readValue(in, SeedKim[].class));
        }
        int added = 0;
        // Simpul itself loads its sample data: the events and the histories say so (ce_actorid simpul:seed).
        try (Actor.Acting seeding = Actor.enter(Actor.system("seed"))) {
            for (SeedKim seed : seeds) {
                KimId id = idOf(seed.key());
                if (kims.find(id).isEmpty()) {
                    load(id, seed);
                    added++;
                }
            }
        }
        log.info("Seed KIMs from {}: {} added, {} already present", location, added, seeds.size() - added);
    }

    private void load(KimId id, SeedKim seed) {
        Set<ConstraintViolation<KimRequest>> invalid = validator.validate(seed.kim());
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("Seed KIM " + seed.key() + " is invalid: " + invalid.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        KimStatus start = seed.status() == KimStatus.CANDIDATE ? KimStatus.CANDIDATE : KimStatus.SUBMITTED;
        kims.register(id, seed.kim().toProfile(), start, seed.kim().toCriteria());
        List<KimStatus> steps = path(start, seed.status());
        for (int i = 0; i < steps.size(); i++) {
            String reason = i == steps.size() - 1 && seed.reason() != null ? seed.reason() : "Sample data";
            kims.changeStatus(id, null, steps.get(i), reason);
        }
    }

    /** The shortest way through the lifecycle from one status to another (empty when they are the same). */
    static List<KimStatus> path(KimStatus from, KimStatus to) {
        Map<KimStatus, KimStatus> cameFrom = new EnumMap<>(KimStatus.class);
        Deque<KimStatus> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty() && !cameFrom.containsKey(to) && from != to) {
            KimStatus current = queue.poll();
            for (KimStatus next : current.next()) {
                if (next != from && cameFrom.putIfAbsent(next, current) == null) {
                    queue.add(next);
                }
            }
        }
        List<KimStatus> steps = new ArrayList<>();
        for (KimStatus s = to; s != from; s = cameFrom.get(s)) {
            if (s == null) {
                throw new IllegalArgumentException("No way from " + from + " to " + to);
            }
            steps.addFirst(s);
        }
        return steps;
    }

    static KimId idOf(String key) {
        return new KimId(UUID.nameUUIDFromBytes(("simpul-seed-kim:" + key).getBytes(StandardCharsets.UTF_8)).toString());
    }
}
