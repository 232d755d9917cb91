package id.simpul.systemtest;

import id.simpul.testinfra.Http;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The steps of a programme as users take them over HTTP, shared by the system tests. */
final class Scenario {

    private final Http registry;
    private final Http training;
    private final Http verifier;

    /** The steps as the ministry admin takes them (who may take them all). */
    Scenario(SimpulSystem system) {
        this(system.http("registry-service"), system.http("training-service"), system.http("registry-service"));
    }

    /**
     * The steps as particular people take them: KIMs registered through {@code registry} and verified through
     * {@code verifier} (four eyes: another person), trainings planned and run through {@code training}.
     */
    Scenario(Http registry, Http training, Http verifier) {
        this.registry = registry;
        this.training = training;
        this.verifier = verifier;
    }

    /**
     * Registers a KIM that meets the sample rules everywhere (Kabupaten Banjar asks for its SK and 15 members) and
     * takes it to {@code status} (SUBMITTED, VERIFIED or ACTIVE) through registry-service's lifecycle.
     */
    String kim(String name, String village, String status) {
        String id = id(registry.postJson("/api/kims", """
                {"name": "%s", "villageCode": "%s", "memberCount": 20,
                 "decree": {"number": "3/SK/2023", "date": "2023-03-03", "issuer": "Lurah"}}""".formatted(name, village)));
        List<String> steps = switch (status) {
            case "SUBMITTED" -> List.of();
            case "VERIFIED" -> List.of("VERIFIED");
            case "ACTIVE" -> List.of("VERIFIED", "ACTIVE");
            default -> throw new IllegalArgumentException("Not a status a test takes a KIM to: " + status);
        };
        steps.forEach(step -> {
            Http.Response changed = (step.equals("VERIFIED") ? verifier : registry).postJson("/api/kims/" + id + "/status",
                    "{\"status\": \"" + step + "\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        });
        return id;
    }

    /** Takes a KIM one step through registry-service's lifecycle. */
    void changeStatus(String kimId, String status) {
        Http.Response changed = registry.postJson("/api/kims/" + kimId + "/status", "{\"status\": \"" + status + "\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    /** A stunting programme of the ministry over {@code targetRegion}. */
    String programme(String title, String targetRegion, String targets) {
        return id(training.postJson("/api/programmes", """
                {"title": "%s", "theme": "STUNTING", "organiser": {"level": "MINISTRY", "name": "Komdigi"},
                 "period": {"start": "2020-01-01", "end": "%s"}, "targetRegions": ["%s"], "targets": %s}"""
                .formatted(title, java.time.LocalDate.now().plusYears(3), targetRegion, targets)));
    }

    /**
     * How far ahead the scenario's trainings start: time to enrol (enrolment closes at the start), then the test waits
     * for the start to record attendance, which training-service accepts only once a training has begun.
     */
    static final Duration LEAD = Duration.ofSeconds(45);

    /** A training of {@code programme} in Kecamatan Martapura (WITA) starting {@link #LEAD} from now, still a draft. */
    Http.Response draftInMartapura(String programme, String title, int capacity) {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Makassar")).plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        Http.Response drafted = training.postJson("/api/trainings", """
                {"programmeId": "%s", "title": "%s", "topic": "Gizi 1000 hari pertama kehidupan",
                 "mode": "IN_PERSON", "venue": {"regionCode": "63.03.05", "address": "Aula Kecamatan Martapura"},
                 "start": "%s", "end": "%s", "capacity": %d}""".formatted(programme, title, start, start.plusHours(4), capacity));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        return drafted;
    }

    void schedule(String session) {
        Http.Response scheduled = training.postJson("/api/trainings/" + session + "/status", "{\"status\": \"SCHEDULED\"}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
    }

    /**
     * Enrols, retrying while training-service has not yet heard of the KIM or of its latest status: the answer says
     * why each time (never a 500), until it is the expected one.
     */
    Http.Response enrolWhenKnown(String session, String kimId, String participant, int expected) {
        return enrolWhenKnown(training, session, kimId, participant, expected);
    }

    /** As {@link #enrolWhenKnown(String, String, String, int)}, by someone else: the KIM's own officer. */
    Http.Response enrolWhenKnown(Http training, String session, String kimId, String participant, int expected) {
        Http.Response[] last = new Http.Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = training.postJson("/api/trainings/" + session + "/enrolments",
                    "{\"kimId\": \"" + kimId + "\", \"participant\": {\"name\": \"" + participant + "\", \"role\": \"Pengurus\"}}");
            assertThat(last[0].status()).as(last[0].body()).isIn(201, 422);
            if (last[0].status() == 422) {
                assertThat((String) last[0].json("$.reason")).isIn("KIM_NOT_KNOWN_YET", "KIM_STATUS");
            }
            return last[0].status() == expected && (expected == 201 || "KIM_STATUS".equals(last[0].json("$.reason")));
        });
        return last[0];
    }

    /** Waits until the training has begun, as training-service reads the time. */
    void awaitStart(String session) {
        java.time.Instant start = java.time.Instant.parse(training.get("/api/trainings/" + session).json("$.start.instant"));
        await().atMost(LEAD.plusSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> java.time.Instant.now().isAfter(start.plusMillis(500)));
    }

    void recordAttendance(String session, String... enrolmentIds) {
        Http.Response recorded = training.postJson("/api/trainings/" + session + "/attendance",
                "{\"enrolmentIds\": [\"" + String.join("\", \"", enrolmentIds) + "\"]}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    static String id(Http.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json("$.id");
    }
}
