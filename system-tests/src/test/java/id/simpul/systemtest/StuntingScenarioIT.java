package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The source article's example end to end over HTTP, with every service running: KIMs registered and verified in
 * registry-service, a stunting programme with the health office of Kabupaten Banjar, a training in Martapura (WITA),
 * enrolment of eligible KIMs (and a clear refusal of one that is not), waitlist and promotion, attendance,
 * completion with a certificate, and the outputs the programme counts.
 */
class StuntingScenarioIT {

    private static Http registry;
    private static Http training;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startSystem() {
        SimpulSystem system = SimpulSystem.get();
        registry = system.http("registry-service");
        training = system.http("training-service");
    }

    @Test
    void aStuntingCampaignRunsFromRegistrationToOutputs() {
        String keraton = activeKim("KIM Keraton Peduli " + run, "63.03.05.1001", "ACTIVE");
        String jawa = activeKim("KIM Jawa Sehat " + run, "63.03.05.1002", "VERIFIED");
        String fresh = activeKim("KIM Baru Saja " + run, "63.03.05.1003", "SUBMITTED");

        String programme = id(training.postJson("/api/programmes", """
                {"title": "Gerakan KIM Cegah Stunting %s", "theme": "STUNTING", "organiser": {"level": "MINISTRY", "name": "Komdigi"},
                 "period": {"start": "2026-01-01", "end": "2027-12-31"}, "targetRegions": ["63"],
                 "targets": {"trainings": 1, "kimsTrained": 2, "outputs": 5, "peopleReached": 10000}}""".formatted(run)));
        String dinkes = id(training.postJson("/api/partners", """
                {"name": "Dinas Kesehatan Kabupaten Banjar", "type": "HEALTH_OFFICE", "regionCode": "63.03",
                 "contacts": [{"name": "dr. Nurul", "role": "Kepala Seksi Gizi"}]}"""));
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Makassar")).plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        Http.Response drafted = training.postJson("/api/trainings", """
                {"programmeId": "%s", "title": "Pembekalan KIM Cegah Stunting %s", "topic": "Gizi 1000 hari pertama kehidupan",
                 "mode": "IN_PERSON", "venue": {"regionCode": "63.03.05", "address": "Aula Kecamatan Martapura"},
                 "start": "%s", "end": "%s", "capacity": 1}""".formatted(programme, run, start, start.plusHours(4)));
        String session = id(drafted);
        assertThat((String) drafted.json("$.start.timeZone")).isEqualTo("WITA");
        assertThat((String) drafted.json("$.start.utcOffset")).isEqualTo("+08:00");
        assertThat(training.postJson("/api/trainings/" + session + "/status", "{\"status\": \"SCHEDULED\"}").status()).isEqualTo(200);

        String invitation = id(training.postJson("/api/trainings/" + session + "/invitations", "{\"partnerId\": \"" + dinkes + "\"}"));
        Http.Response joined = training.postJson("/api/invitations/" + invitation + "/accept", """
                {"speakers": [{"name": "dr. Nurul Hidayah", "role": "Dokter", "email": "nurul-%s@dinkes.example"}]}""".formatted(run));
        assertThat((String) joined.json("$.status")).isEqualTo("ACCEPTED");

        // Enrolment decides from training-service's own view of registry events, which may lag a moment.
        Http.Response siti = enrolWhenKnown(session, keraton, "Siti Rahmah", 201);
        Http.Response budi = enrolWhenKnown(session, jawa, "Budi Santoso", 201);
        Http.Response refused = enrolWhenKnown(session, fresh, "Andi", 422);
        assertThat((String) siti.json("$.status")).isEqualTo("ENROLLED");
        assertThat((String) budi.json("$.status")).isEqualTo("WAITLISTED");
        assertThat(refused.status()).isEqualTo(422);
        assertThat((String) refused.json("$.detail")).contains("is SUBMITTED", "only VERIFIED or ACTIVE KIMs may enrol");

        Http.Response withdrawal = training.send(HttpRequest.newBuilder(training.uri("/api/enrolments/" + siti.json("$.id"))).DELETE());
        assertThat((String) withdrawal.json("$.promoted.participant.name")).isEqualTo("Budi Santoso");

        assertThat(training.postJson("/api/trainings/" + session + "/attendance",
                "{\"enrolmentIds\": [\"" + budi.json("$.id") + "\"]}").status()).isEqualTo(200);
        Http.Response completed = training.postJson("/api/trainings/" + session + "/status", "{\"status\": \"COMPLETED\"}");
        String code = completed.<List<String>>json("$.enrolments[?(@.attended == true)].certificateCode").getFirst();
        Http.Response certificate = training.get("/api/certificates/" + code);
        assertThat((String) certificate.json("$.participant")).isEqualTo("Budi Santoso");
        assertThat((String) certificate.json("$.trainingId")).isEqualTo(session);

        Http.Response output = training.postJson("/api/programmes/" + programme + "/outputs", """
                {"kimId": "%s", "channel": "INSTAGRAM", "url": "https://instagram.com/p/kimjawa-stunting", "publishedOn": "%s",
                 "peopleReached": 1200, "description": "Infografis gizi ibu hamil"}""".formatted(jawa, start.toLocalDate()));
        Http.Response notAttended = training.postJson("/api/programmes/" + programme + "/outputs", """
                {"kimId": "%s", "channel": "RADIO", "publishedOn": "%s", "peopleReached": 500}""".formatted(keraton, start.toLocalDate()));
        assertThat(output.status()).as(output.body()).isEqualTo(201);
        assertThat(notAttended.status()).isEqualTo(422);

        Http.Response progress = training.get("/api/programmes/" + programme);
        assertThat((Integer) progress.json("$.progress.trainingsCompleted.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.kimsTrained.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.outputs.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.peopleReached.actual")).isEqualTo(1200);
    }

    /** Registers a KIM in Kabupaten Banjar and takes it to {@code status} through registry-service's lifecycle. */
    private static String activeKim(String name, String village, String status) {
        String id = id(registry.postJson("/api/kims", """
                {"name": "%s", "villageCode": "%s", "memberCount": 20,
                 "decree": {"number": "3/SK/2023", "date": "2023-03-03", "issuer": "Lurah"}}""".formatted(name, village)));
        for (String step : List.of("VERIFIED", "ACTIVE")) {
            if (status.equals("SUBMITTED") || (status.equals("VERIFIED") && step.equals("ACTIVE"))) {
                break;
            }
            assertThat(registry.postJson("/api/kims/" + id + "/status", "{\"status\": \"" + step + "\"}").status()).isEqualTo(200);
        }
        return id;
    }

    /**
     * Enrols, retrying while training-service has not yet heard of the KIM or of its latest status: the answer says
     * why each time (never a 500), until it is the expected one.
     */
    private static Http.Response enrolWhenKnown(String session, String kimId, String participant, int expected) {
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

    private static String id(Http.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json("$.id");
    }
}
