package id.simpul.training.session;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import id.simpul.training.kimview.KimDirectory;
import id.simpul.training.support.RegistryEvents;
import id.simpul.training.support.TrainingApi;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.simpul.training.support.MovableTrainingClock.CLOCK;
import static id.simpul.training.support.TrainingApi.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Trainings over HTTP: time zones, partners and speakers, eligibility, waitlist, attendance, certificates, outputs. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingFlowIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    KimDirectory kims;

    TrainingApi api;
    String programme;
    String partner;
    final String activeBanjar = UUID.randomUUID().toString();
    final String activeBanjar2 = UUID.randomUUID().toString();
    final String activeBanjar3 = UUID.randomUUID().toString();
    final String verifiedJayapura = UUID.randomUUID().toString();
    final String submittedBanjar = UUID.randomUUID().toString();
    final String activeBandung = UUID.randomUUID().toString();
    final LocalDateTime inAMonth = LocalDateTime.now().plusDays(30).truncatedTo(ChronoUnit.DAYS).withHour(9);
    /** When the trainings with fixed dates in these tests are planned, so that their dates stay ahead. */
    static final Instant PLANNED_ON = Instant.parse("2026-11-28T02:00:00Z");

    @BeforeAll
    void setUp() {
        api = new TrainingApi(TestIssuer.as(Caller.MINISTRY_ADMIN, port));
        programme = api.programme("[\"63\", \"91\"]");
        partner = api.partner("Dinas Kesehatan Kabupaten Banjar");
        RegistryEvents.kim(bootstrap, activeBanjar, "KIM Keraton", "63.03.05.1001", "ACTIVE");
        RegistryEvents.kim(bootstrap, activeBanjar2, "KIM Jawa", "63.03.05.1002", "ACTIVE");
        RegistryEvents.kim(bootstrap, activeBanjar3, "KIM Pasayangan", "63.03.05.1003", "ACTIVE");
        RegistryEvents.kim(bootstrap, verifiedJayapura, "KIM Gurabesi", "91.71.01.1001", "VERIFIED");
        RegistryEvents.kim(bootstrap, submittedBanjar, "KIM Baru", "63.03.05.1004", "SUBMITTED");
        RegistryEvents.kim(bootstrap, activeBandung, "KIM Gegerkalong", "32.73.01.1002", "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> kims.find(activeBandung).filter(k -> k.status().equals("ACTIVE")).isPresent()
                && kims.find(verifiedJayapura).filter(k -> k.status().equals("VERIFIED")).isPresent());
    }

    @Test
    void aTrainingInMartapuraIsShownInWitaAndOneInJayapuraInWit() {
        Http.Response martapura = CLOCK.at(PLANNED_ON, () -> api.draft(programme, "63.03.05", LocalDateTime.parse("2026-12-10T09:00"), 6, 40));
        Http.Response jayapura = CLOCK.at(PLANNED_ON, () -> api.draft(programme, "91.71", LocalDateTime.parse("2026-12-10T09:00"), 6, 40));

        assertThat(martapura.status()).isEqualTo(201);
        assertThat((Map<String, String>) martapura.json("$.start")).containsEntry("local", "2026-12-10T09:00:00")
                .containsEntry("timeZone", "WITA").containsEntry("utcOffset", "+08:00").containsEntry("instant", "2026-12-10T01:00:00Z");
        assertThat((String) martapura.json("$.venue.regionName")).isEqualTo("Martapura");
        assertThat((String) martapura.json("$.status")).isEqualTo("DRAFT");
        assertThat((Map<String, String>) jayapura.json("$.start")).containsEntry("timeZone", "WIT")
                .containsEntry("utcOffset", "+09:00").containsEntry("instant", "2026-12-10T00:00:00Z");
    }

    @Test
    void anOnlineTrainingUsesItsOwnTimeZoneButAVenueCannotContradictItsProvince() {
        Http.Response online = CLOCK.at(PLANNED_ON, () -> api.http.postJson("/api/trainings", """
                {"programmeId": "%s", "title": "Webinar", "topic": "Hoaks stunting", "mode": "ONLINE",
                 "venue": {"meetingLink": "https://meet.example/kim"}, "timeZone": "WIT",
                 "start": "2026-12-10T19:00", "end": "2026-12-10T21:00", "capacity": 300}""".formatted(programme)));
        Http.Response contradicting = CLOCK.at(PLANNED_ON, () -> api.http.postJson("/api/trainings", """
                {"programmeId": "%s", "title": "T", "topic": "t", "mode": "IN_PERSON", "venue": {"regionCode": "63.03"},
                 "timeZone": "WIB", "start": "2026-12-10T09:00", "end": "2026-12-10T10:00", "capacity": 3}""".formatted(programme)));

        assertThat((String) online.json("$.start.instant")).isEqualTo("2026-12-10T10:00:00Z");
        assertThat(contradicting.status()).isEqualTo(422);
        assertThat((String) contradicting.json("$.errors[0].field")).isEqualTo("timeZone");
    }

    @Test
    void invalidTrainingsAreRefusedFieldByField() {
        Http.Response missing = api.http.postJson("/api/trainings", "{\"mode\": \"BY_CARRIER_PIGEON\"}");
        Http.Response unknownProgramme = api.draft(UUID.randomUUID().toString(), "63.03", inAMonth, 2, 10);
        Http.Response backwards = api.http.postJson("/api/trainings", """
                {"programmeId": "%s", "title": "T", "topic": "t", "mode": "IN_PERSON", "venue": {"regionCode": "63.03"},
                 "start": "2026-12-10T09:00", "end": "2026-12-10T08:00", "capacity": 0}""".formatted(programme));

        assertThat(missing.status()).isEqualTo(400);
        assertThat((String) missing.json("$.errors[0].field")).isEqualTo("mode");
        assertThat(unknownProgramme.status()).isEqualTo(422);
        assertThat((String) unknownProgramme.json("$.errors[0].field")).isEqualTo("programmeId");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat((List<String>) backwards.json("$.errors[*].field")).contains("capacity");
    }

    @Test
    void aPartnerAcceptsWithSpeakersOrDeclinesWithAReason() {
        String training = api.scheduled(programme, "63.03.05", inAMonth.plusDays(1), 10);
        String invitation = created(api.invite(training, partner));
        Http.Response accepted = api.accept(invitation, "dr. Rina", "rina-" + UUID.randomUUID() + "@dinkes.example");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat((String) accepted.json("$.status")).isEqualTo("ACCEPTED");
        assertThat(api.accept(invitation, "dr. Rina", "x@dinkes.example").status()).as("answered once").isEqualTo(409);
        assertThat(api.invite(training, partner).status()).as("invited once").isEqualTo(409);

        String other = api.partner("Universitas Lambung Mangkurat");
        String second = created(api.invite(training, other));
        assertThat(api.http.postJson("/api/invitations/" + second + "/decline", "{}").status()).isEqualTo(400);
        Http.Response declined = api.http.postJson("/api/invitations/" + second + "/decline", "{\"reason\": \"Jadwal ujian\"}");
        assertThat((String) declined.json("$.status")).isEqualTo("DECLINED");
        assertThat((String) declined.json("$.reason")).isEqualTo("Jadwal ujian");
    }

    @Test
    void aSpeakerCannotBeBookedIntoTwoOverlappingTrainings() {
        String email = "budi-" + UUID.randomUUID() + "@puskesmas.example";
        String first = api.scheduled(programme, "63.03.05", inAMonth.plusDays(2), 10);
        String overlapping = api.scheduled(programme, "63.03.06", inAMonth.plusDays(2).plusHours(3), 10);
        String nextDay = api.scheduled(programme, "63.03.06", inAMonth.plusDays(3), 10);
        assertThat(api.accept(created(api.invite(first, partner)), "Budi", email).status()).isEqualTo(200);

        Http.Response conflict = api.accept(created(api.invite(overlapping, partner)), "Budi", email);
        Http.Response free = api.accept(created(api.invite(nextDay, partner)), "Budi", email);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat((String) conflict.json("$.otherTrainingId")).isEqualTo(first);
        assertThat((String) conflict.json("$.detail")).contains("Pembekalan KIM Cegah Stunting", first);
        assertThat(free.status()).isEqualTo(200);

        Http.Response intoTheFirst = api.http.postJson("/api/trainings/" + nextDay + "/reschedule", """
                {"start": "%s", "end": "%s", "reason": "Aula berubah"}""".formatted(inAMonth.plusDays(2).plusHours(1),
                inAMonth.plusDays(2).plusHours(4)));
        assertThat(intoTheFirst.status()).isEqualTo(409);
        assertThat((String) api.http.get("/api/trainings/" + nextDay).json("$.start.local"))
                .isEqualTo(inAMonth.plusDays(3).toString() + ":00");
    }

    @Test
    void onlyVerifiedOrActiveKimsOfTheTargetRegionsEnrolAndRefusalsSayWhy() {
        String training = api.scheduled(programme, "63.03.05", inAMonth.plusDays(4), 10);

        Http.Response active = api.enrol(training, activeBanjar, "Siti Rahmah");
        Http.Response verified = api.enrol(training, verifiedJayapura, "Yohanes Wenda");
        Http.Response submitted = api.enrol(training, submittedBanjar, "Andi");
        Http.Response outside = api.enrol(training, activeBandung, "Dewi");
        Http.Response unknown = api.enrol(training, UUID.randomUUID().toString(), "Rina");

        assertThat(active.status()).isEqualTo(201);
        assertThat((String) active.json("$.status")).isEqualTo("ENROLLED");
        assertThat(verified.status()).isEqualTo(201);
        assertThat(submitted.status()).isEqualTo(422);
        assertThat((String) submitted.json("$.detail")).isEqualTo("KIM Baru is SUBMITTED in registry-service; only VERIFIED or ACTIVE KIMs may enrol");
        assertThat((String) outside.json("$.reason")).isEqualTo("OUTSIDE_TARGET_REGIONS");
        assertThat((String) outside.json("$.detail")).contains("32.73.01.1002", "Kota Bandung", "[63, 91]");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat((String) unknown.json("$.reason")).isEqualTo("KIM_NOT_KNOWN_YET");
        assertThat(unknown.header("Retry-After")).hasValue("5");
        assertThat(api.enrol(training, activeBanjar, " siti rahmah ").status()).as("the same person once").isEqualTo(409);
    }

    @Test
    void aKimRegistryServiceJustLearnedAboutIsAnsweredWithAReasonThenEnrolled() {
        String training = api.scheduled(programme, "63.03.05", inAMonth.plusDays(5), 10);
        String fresh = UUID.randomUUID().toString();
        RegistryEvents.kim(bootstrap, fresh, "KIM Kilat", "63.03.05.1005", "ACTIVE");

        Http.Response right_away = api.enrol(training, fresh, "Nur");

        assertThat(right_away.status()).as(right_away.body()).isIn(201, 422);
        if (right_away.status() == 422) {
            assertThat((String) right_away.json("$.reason")).isIn("KIM_NOT_KNOWN_YET", "KIM_STATUS");
            await().atMost(Duration.ofSeconds(30)).until(() -> api.enrol(training, fresh, "Nur").status() == 201);
        }
    }

    @Test
    void aKimThatBecameDormantKeepsItsRecordsButCannotEnrolAnew() {
        String kim = UUID.randomUUID().toString();
        RegistryEvents.kim(bootstrap, kim, "KIM Tidur", "63.03.05.1055", "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> kims.find(kim).filter(k -> k.mayEnrol()).isPresent());
        String training = api.scheduled(programme, "63.03.05", inAMonth.plusDays(6), 10);
        assertThat(api.enrol(training, kim, "Hasan").status()).isEqualTo(201);

        RegistryEvents.statusChanged(bootstrap, kim, "KIM Tidur", "63.03.05.1055", 3, "ACTIVE", "DORMANT");
        await().atMost(Duration.ofSeconds(30)).until(() -> kims.find(kim).filter(k -> k.status().equals("DORMANT")).isPresent());

        Http.Response again = api.enrol(training, kim, "Fitri");
        assertThat(again.status()).isEqualTo(422);
        assertThat((String) again.json("$.kimStatus")).isEqualTo("DORMANT");
        assertThat(api.http.get("/api/trainings/" + training).<List<String>>json("$.enrolments[*].participant.name")).containsExactly("Hasan");
    }

    @Test
    void pastCapacityParticipantsWaitAndTheFirstIsPromotedWhenASeatFrees() {
        String training = api.scheduled(programme, "63.03.05", inAMonth.plusDays(7), 1);
        String seated = created(api.enrol(training, activeBanjar, "Siti"));
        Http.Response waiting = api.enrol(training, activeBanjar2, "Budi");
        api.enrol(training, activeBanjar3, "Rina");

        assertThat((String) waiting.json("$.status")).isEqualTo("WAITLISTED");
        assertThat((Integer) waiting.json("$.waitlistPosition")).isEqualTo(1);

        Http.Response withdrawal = api.http.send(java.net.http.HttpRequest.newBuilder(api.http.uri("/api/enrolments/" + seated)).DELETE());

        assertThat(withdrawal.status()).isEqualTo(200);
        assertThat((String) withdrawal.json("$.withdrawn.status")).isEqualTo("WITHDRAWN");
        assertThat((String) withdrawal.json("$.promoted.participant.name")).isEqualTo("Budi");
        assertThat((String) withdrawal.json("$.promoted.status")).isEqualTo("ENROLLED");
        Http.Response after = api.http.get("/api/trainings/" + training);
        assertThat((Integer) after.json("$.seatsTaken")).isEqualTo(1);
        assertThat((Integer) after.json("$.waitlisted")).isEqualTo(1);
    }

    @Test
    void attendanceFromASignInSheetThenCompletionIssuesCertificatesThatCanBeChecked() {
        String training = api.scheduled(programme, "63.03.05", inAMonth.plusDays(8), 2);
        String siti = created(api.enrol(training, activeBanjar, "Siti Rahmah"));
        created(api.enrol(training, activeBanjar2, "Budi"));
        String waiting = created(api.enrol(training, activeBanjar3, "Rina"));

        Http.Response withWaiting = api.http.postFile("/api/trainings/" + training + "/attendance", "file", "hadir.csv",
                ("id_pendaftaran\n" + siti + "\n" + waiting + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(withWaiting.status()).isEqualTo(422);
        assertThat((String) withWaiting.json("$.errors[0].message")).contains("Rina", "WAITLISTED");
        assertThat(api.http.get("/api/trainings/" + training).<List<Boolean>>json("$.enrolments[*].attended")).containsOnly(false);

        Instant duringTheTraining = inAMonth.plusDays(8).plusHours(1).atZone(ZoneId.of("Asia/Makassar")).toInstant();
        Http.Response sheet = CLOCK.at(duringTheTraining, () -> api.http.postFile("/api/trainings/" + training + "/attendance",
                "file", "hadir.csv", ("kim_id;nama_peserta\n" + activeBanjar2 + ";budi\n").getBytes(StandardCharsets.UTF_8)));
        Http.Response json = CLOCK.at(duringTheTraining, () -> api.http.postJson("/api/trainings/" + training + "/attendance",
                "{\"enrolmentIds\": [\"" + siti + "\"]}"));
        assertThat(sheet.status()).as(sheet.body()).isEqualTo(200);
        assertThat(json.status()).isEqualTo(200);

        Http.Response completed = CLOCK.at(duringTheTraining, () -> api.status(training, "COMPLETED", null));
        assertThat((String) completed.json("$.status")).isEqualTo("COMPLETED");
        List<String> codes = completed.json("$.enrolments[?(@.attended == true)].certificateCode");
        assertThat(codes).hasSize(2).allMatch(c -> c.matches("KIM-[A-Z2-9]{10}"));

        Http.Response certificate = api.http.get("/api/certificates/" + codes.getFirst());
        assertThat((Boolean) certificate.json("$.valid")).isTrue();
        assertThat((String) certificate.json("$.trainingId")).isEqualTo(training);
        assertThat((String) certificate.json("$.programmeTitle")).isEqualTo("Gerakan KIM Cegah Stunting");
        assertThat(api.http.get("/api/certificates/KIM-NOTACODE99").status()).isEqualTo(404);
    }

    @Test
    void outputsCountWhenTheirKimAttendedAndPublishedAfterTheTraining() {
        LocalDateTime start = inAMonth.plusDays(10);
        String programmeForOutputs = api.programme("[]");
        String training = created(api.draft(programmeForOutputs, "63.03.05", start, 3, 5));
        api.status(training, "SCHEDULED", null);
        String siti = created(api.enrol(training, activeBanjar, "Siti"));
        created(api.enrol(training, activeBanjar2, "Budi"));
        // The day of the training, in the afternoon at the venue (WITA).
        Instant afternoon = start.plusHours(5).atZone(ZoneId.of("Asia/Makassar")).toInstant();
        CLOCK.at(afternoon, () -> api.http.postJson("/api/trainings/" + training + "/attendance",
                "{\"enrolmentIds\": [\"" + siti + "\"]}"));
        CLOCK.at(afternoon, () -> api.status(training, "COMPLETED", null));
        String today = start.toLocalDate().toString();
        String tomorrow = start.toLocalDate().plusDays(1).toString();

        Http.Response future = CLOCK.at(afternoon, () -> api.http.postJson("/api/programmes/" + programmeForOutputs + "/outputs", """
                {"kimId": "%s", "channel": "RADIO", "publishedOn": "%s", "peopleReached": 300}""".formatted(activeBanjar, tomorrow)));
        assertThat(future.status()).isEqualTo(422);
        assertThat((String) future.json("$.errors[0].message")).contains("must not be in the future", today + " WITA");
        Http.Response output = CLOCK.at(afternoon, () -> api.http.postJson("/api/programmes/" + programmeForOutputs + "/outputs", """
                {"kimId": "%s", "channel": "INSTAGRAM", "url": "https://instagram.com/p/stunting", "publishedOn": "%s",
                 "peopleReached": 1450, "description": "Infografis gizi ibu hamil"}""".formatted(activeBanjar, today)));
        Http.Response notAttended = CLOCK.at(afternoon, () -> api.http.postJson("/api/programmes/" + programmeForOutputs + "/outputs", """
                {"kimId": "%s", "channel": "RADIO", "publishedOn": "%s", "peopleReached": 300}""".formatted(activeBanjar2, today)));
        Http.Response beforeTraining = api.http.postJson("/api/programmes/" + programmeForOutputs + "/outputs", """
                {"kimId": "%s", "channel": "RADIO", "publishedOn": "2020-01-01", "peopleReached": 300}""".formatted(activeBanjar));

        assertThat(output.status()).as(output.body()).isEqualTo(201);
        assertThat((String) output.json("$.trainingId")).isEqualTo(training);
        assertThat(notAttended.status()).isEqualTo(422);
        assertThat((String) notAttended.json("$.errors[0].message")).contains("has not attended");
        assertThat(beforeTraining.status()).isEqualTo(422);
        Http.Response progress = api.http.get("/api/programmes/" + programmeForOutputs);
        assertThat((Integer) progress.json("$.progress.outputs.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.peopleReached.actual")).isEqualTo(1450);
        assertThat((Integer) progress.json("$.progress.kimsTrained.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.outputs.target")).isEqualTo(20);
    }

    @Test
    void everyEventOfATrainingMatchesItsPublishedSchema() {
        String training = api.scheduled(programme, "63.03.05", inAMonth.plusDays(9), 1);
        created(api.accept(created(api.invite(training, partner)), "dr. Sari", "sari-" + UUID.randomUUID() + "@dinkes.example")
                .status() == 200 ? api.enrol(training, activeBanjar, "Siti") : null);
        String waiting = created(api.enrol(training, activeBanjar2, "Budi"));
        api.http.send(java.net.http.HttpRequest.newBuilder(api.http.uri("/api/enrolments/" + waiting)).DELETE());
        api.status(training, "CANCELLED", "Banjir");

        List<ConsumerRecord<String, String>> records = TopicRecords.read(bootstrap, Topics.TRAININGS,
                r -> training.equals(r.key()), 8, Duration.ofSeconds(30));

        assertThat(records).extracting(r -> TopicRecords.header(r, "ce_type")).containsExactly(
                "id.simpul.training.drafted.v1", "id.simpul.training.scheduled.v1", "id.simpul.partner.invited.v1",
                "id.simpul.partner.joined.v1", "id.simpul.participant.enrolled.v1", "id.simpul.participant.waitlisted.v1",
                "id.simpul.participant.withdrew.v1", "id.simpul.training.cancelled.v1");
        records.forEach(r -> assertThat(EventSchemas.validate(TopicRecords.header(r, "ce_type"), r.value())).as(r.value()).isEmpty());
    }
}
