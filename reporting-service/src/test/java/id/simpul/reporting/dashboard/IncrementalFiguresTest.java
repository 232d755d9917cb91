package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Rows;
import id.simpul.regions.RegionCode;
import id.simpul.regions.RegionDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures kept up change by change equal the figures counted from nothing over the same rows, after a random mix
 * of changes to every kind of row: KIMs moving village and status, programmes changing theme and target regions,
 * trainings rescheduled, cancelled and completed with seats, attendance and partners, outputs corrected and withdrawn.
 */
class IncrementalFiguresTest {

    private static final Instant NOW = Instant.parse("2026-12-20T00:00:00Z");
    private static final List<String> VILLAGES = List.of("63.03.05.1001", "63.03.05.1059", "63.03.05.1005",
            "63.01.01.2004", "91.71.01.1001", "34.04.01.2002");
    private static final List<String> VENUES = new ArrayList<>(List.of("63.03.05.1001", "63.03.05", "63.01", "63",
            "91.71.01", "34.04.01.2002"));
    private static final List<String> TARGETS = List.of("63", "63.03", "63.03.05.1001", "91", "34.04", "63.01.01");
    private static final List<String> KIM_STATUSES = List.of("CANDIDATE", "SUBMITTED", "VERIFIED", "ACTIVE", "DORMANT",
            "REJECTED", "DISSOLVED");
    private static final List<String> TRAINING_STATUSES = new ArrayList<>(List.of("DRAFT", "SCHEDULED", "COMPLETED",
            "CANCELLED"));
    private static final List<String> SEAT_STATUSES = new ArrayList<>(List.of("ENROLLED", "WAITLISTED", "WITHDRAWN"));
    private static final List<String> FOCUS = List.of("HEALTH", "UMKM", "AGRICULTURE");
    private static final List<String> MEDIA = List.of("INSTAGRAM", "RADIO", "YOUTUBE", "WHATSAPP");
    private static final List<String> PARTNER_TYPES = List.of("HEALTH_OFFICE", "UNIVERSITY", "NGO");

    static {
        VENUES.add(null);
        TRAINING_STATUSES.add(null);
        SEAT_STATUSES.add(null);
    }

    private static RegionDataset regions;

    @BeforeAll
    static void load() {
        regions = RegionDataset.load();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void changesAppliedOneByOneGiveTheFiguresCountedFromNothing(long seed) {
        World world = new World(new Random(seed));
        for (int i = 0; i < 60; i++) {
            world.change();
        }
        Figures kept = Figures.compute(regions, world.data(), NOW);
        int steps = 0;
        while (steps < 600) {
            List<Figures.Change> batch = new ArrayList<>();
            int size = 1 + world.random.nextInt(8);
            for (int i = 0; i < size; i++) {
                batch.add(world.change());
            }
            kept.apply(batch, NOW);
            steps += size;
            if (steps % 100 < size) {
                assertSame(kept, Figures.compute(regions, world.data(), NOW), world);
            }
        }
        assertSame(kept, Figures.compute(regions, world.data(), NOW), world);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8})
    void everyRowTakenBackLeavesNothingCounted(long seed) {
        World world = new World(new Random(seed));
        Figures kept = Figures.compute(regions, new Figures.Data(List.of(), List.of(), List.of(), List.of(), List.of()), NOW);
        for (int i = 0; i < 300; i++) {
            kept.apply(List.of(world.change()), NOW);
        }
        List<Figures.Change> removals = new ArrayList<>();
        world.rows.values().forEach(row -> removals.add(new Figures.Change(row, null)));
        kept.apply(removals, NOW);
        Figures none = Figures.compute(regions, new Figures.Data(List.of(), List.of(), List.of(), List.of(), List.of()), NOW);

        assertThat(kept.national()).isEqualTo(none.national());
        assertThat(kept.fingerprint()).isZero();
        assertThat(kept.programmes()).isEmpty();
    }

    private static void assertSame(Figures kept, Figures counted, World world) {
        assertThat(kept.fingerprint()).isEqualTo(counted.fingerprint());
        assertThat(kept.national()).isEqualTo(counted.national());
        for (String code : world.regionCodes()) {
            assertThat(kept.region(code)).as("region %s", code).isEqualTo(counted.region(code));
        }
        assertThat(kept.programmes()).isEqualTo(counted.programmes());
        for (String id : world.ids("p")) {
            assertThat(kept.programme(id)).as("programme %s", id).isEqualTo(counted.programme(id));
            assertThat(kept.outputsOf(id)).as("outputs of %s", id).isEqualTo(counted.outputsOf(id));
        }
        for (String id : world.ids("k")) {
            assertThat(kept.kim(id)).as("KIM %s", id).isEqualTo(counted.kim(id));
        }
    }

    /** The rows as they are now, and random changes to them. */
    private static final class World {

        final Random random;
        final Map<String, Object> rows = new LinkedHashMap<>();

        World(Random random) {
            this.random = random;
        }

        Figures.Change change() {
            String id = switch (random.nextInt(10)) {
                case 0, 1, 2 -> "k" + random.nextInt(25);
                case 3 -> "p" + random.nextInt(3);
                case 4 -> "partner" + random.nextInt(3);
                case 5, 6, 7 -> "t" + random.nextInt(8);
                default -> "o" + random.nextInt(20);
            };
            Object before = rows.get(id);
            Object after = random.nextInt(12) == 0 ? null : next(id);
            if (after == null) {
                rows.remove(id);
            } else {
                rows.put(id, after);
            }
            return new Figures.Change(before, after);
        }

        private Object next(String id) {
            if (id.startsWith("partner")) {
                return TestRows.partner(id, "Mitra " + random.nextInt(3), pick(PARTNER_TYPES));
            }
            return switch (id.charAt(0)) {
                case 'k' -> TestRows.kim(id, "KIM " + id, pick(VILLAGES), pick(KIM_STATUSES), some(FOCUS), some(MEDIA),
                        NOW.minus(Duration.ofDays(400)), random.nextBoolean() ? null : ago(200));
                case 'p' -> TestRows.programme(id, "Programme " + id, random.nextBoolean() ? "STUNTING" : "DIGITAL",
                        "MINISTRY", "Komdigi", "2026-01-01", "2026-12-31", List.copyOf(some(TARGETS)),
                        random.nextBoolean() ? 4L : null, 10L, 20L, random.nextBoolean() ? 5000L : null);
                case 't' -> training(id);
                default -> TestRows.output(id, "p" + random.nextInt(3), "t" + random.nextInt(8), "k" + random.nextInt(25),
                        pick(VILLAGES), pick(MEDIA), "https://example.org/" + id, "2026-12-0" + (1 + random.nextInt(9)),
                        random.nextInt(1000), ago(60), random.nextInt(5) == 0);
            };
        }

        private Rows.Training training(String id) {
            List<Rows.Invitation> invitations = new ArrayList<>();
            for (int i = 0; i < random.nextInt(3); i++) {
                invitations.add(TestRows.invitation(id + "-i" + i, "partner" + random.nextInt(3), pick(PARTNER_TYPES),
                        random.nextBoolean() ? "JOINED" : "INVITED"));
            }
            List<Rows.Enrolment> enrolments = new ArrayList<>();
            for (int i = 0; i < random.nextInt(5); i++) {
                String kim = "k" + random.nextInt(25);
                boolean attended = random.nextBoolean();
                enrolments.add(TestRows.enrolment(id + "-e" + i, kim, random.nextInt(6) == 0 ? null : pick(VILLAGES),
                        pick(SEAT_STATUSES), attended, attended ? ago(90) : null));
            }
            Instant start = NOW.plus(Duration.ofDays(random.nextInt(60) - 30));
            return TestRows.training(id, "p" + random.nextInt(3), "Pelatihan " + id, "Gizi", "IN_PERSON", pick(VENUES),
                    "WITA", start, start.plus(Duration.ofHours(4)), 20, pick(TRAINING_STATUSES), invitations, enrolments);
        }

        Figures.Data data() {
            return new Figures.Data(of(Rows.Kim.class), of(Rows.Programme.class), of(Rows.Partner.class),
                    of(Rows.Training.class), of(Rows.Output.class));
        }

        private <T> Collection<T> of(Class<T> type) {
            return rows.values().stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** Every region a row lies in, from the villages up, and the venues. */
        Set<String> regionCodes() {
            Set<String> codes = new TreeSet<>();
            for (String code : VILLAGES) {
                new RegionCode(code).selfAndAncestors().forEach(region -> codes.add(region.value()));
            }
            VENUES.stream().filter(java.util.Objects::nonNull).forEach(codes::add);
            return codes;
        }

        Set<String> ids(String prefix) {
            int count = prefix.equals("k") ? 25 : 3;
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < count; i++) {
                ids.add(prefix + i);
            }
            return ids;
        }

        private Instant ago(int maxDays) {
            return NOW.minus(Duration.ofDays(random.nextInt(maxDays)));
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private List<String> some(List<String> values) {
            return values.stream().filter(v -> random.nextInt(3) == 0).toList();
        }
    }
}
