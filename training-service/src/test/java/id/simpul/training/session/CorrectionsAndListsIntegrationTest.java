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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.simpul.training.support.MovableTrainingClock.CLOCK;
import static id.simpul.training.support.TrainingApi.created;
import static id.simpul.training.support.TrainingApi.etag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Corrections with If-Match and the lists people need, over HTTP: programmes, partners, trainings and outputs are
 * corrected (each with one event of the contract), and a partner finds its invitations, a KIM its trainings.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionsAndListsIntegrationTest {

    private static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    KimDirectory kims;

    TrainingApi api;
    final String jayapuraKim = UUID.randomUUID().toString();
    final String jayapuraKim2 = UUID.randomUUID().toString();
    final String jayapuraKim3 = UUID.randomUUID().toString();
    final String banjarKim = UUID.randomUUID().toString();
    final String dormantKim = UUID.randomUUID().toString();
    final LocalDateTime inThreeWeeks = LocalDateTime.now(WIT).plusDays(21).truncatedTo(ChronoUnit.DAYS).withHour(9);

    @BeforeAll
    void setUp() {
        api = new TrainingApi(TestIssuer.as(Caller.MINISTRY_ADMIN, port));
        RegistryEvents.kim(bootstrap, jayapuraKim, "KIM Gurabesi", "91.71.01.1001", "ACTIVE");
        RegistryEvents.kim(bootstrap, jayapuraKim2, "KIM Bhayangkara", "91.71.01.1002", "ACTIVE");
        RegistryEvents.kim(bootstrap, jayapuraKim3, "KIM Angkasapura", "91.71.01.1003", "VERIFIED");
        RegistryEvents.kim(bootstrap, banjarKim, "KIM Keraton", "63.03.05.1001", "ACTIVE");
        RegistryEvents.kim(bootstrap, dormantKim, "KIM Tidur", "91.71.01.1004", "DORMANT");
        await().atMost(Duration.ofSeconds(30)).until(() -> kims.find(dormantKim).isPresent() && kims.find(banjarKim).isPresent()
                && kims.find(jayapuraKim3).isPresent());
    }

    private String jayapuraTraining(String programme, int capacity) {
        return api.scheduled(programme, "91.71.01", inThreeWeeks, capacity);
    }

    @Test
    void aProgrammeIsCorrectedWithItsETagAndPublishesProgrammeUpdated() {
        String programme = api.programme("[\"91\"]");
        Http.Response read = api.http.get("/api/programmes/" + programme);

        Http.Response withoutIfMatch = api.patch("/api/programmes/" + programme, null, "{\"title\": \"Cegah Stunting Papua\"}");
        Http.Response corrected = api.patch("/api/programmes/" + programme, etag(read), """
                {"title": "Cegah Stunting Papua", "targets": {"trainings": 3, "kimsTrained": 15, "outputs": 30, "peopleReached": 9000}}""");
        Http.Response stale = api.patch("/api/programmes/" + programme, etag(read), "{\"title\": \"Lagi\"}");

        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat((String) withoutIfMatch.json("$.type")).endsWith("/if-match-required");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat((String) corrected.json("$.title")).isEqualTo("Cegah Stunting Papua");
        assertThat((Integer) corrected.json("$.progress.outputs.target")).isEqualTo(30);
        assertThat(etag(corrected)).isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat((Integer) stale.json("$.currentVersion")).isEqualTo(2);
        assertThat((String) api.http.get("/api/programmes/" + programme).json("$.title")).isEqualTo("Cegah Stunting Papua");

        ConsumerRecord<String, String> event = TopicRecords.read(bootstrap, Topics.PROGRAMMES,
                r -> programme.equals(r.key()) && "id.simpul.programme.updated.v1".equals(TopicRecords.header(r, "ce_type")),
                1, Duration.ofSeconds(30)).getFirst();
        assertThat(EventSchemas.validate("id.simpul.programme.updated.v1", event.value())).isEmpty();
        assertThat(event.value()).contains("\"changed\":[\"title\",\"targets\"]").contains("\"version\":2");
    }

    @Test
    void aProgrammesPeriodMustStillHoldItsTrainings() {
        String programme = api.programme("[\"91\"]");
        jayapuraTraining(programme, 5);
        Http.Response read = api.http.get("/api/programmes/" + programme);
        LocalDate endsBefore = inThreeWeeks.toLocalDate().minusDays(1);

        Http.Response narrowed = api.patch("/api/programmes/" + programme, etag(read), """
                {"period": {"start": "2020-01-01", "end": "%s"}}""".formatted(endsBefore));
        Http.Response backwards = api.patch("/api/programmes/" + programme, etag(read), """
                {"period": {"start": "2030-01-01", "end": "2029-01-01"}}""");

        assertThat(narrowed.status()).isEqualTo(422);
        assertThat((String) narrowed.json("$.errors[0].field")).isEqualTo("period");
        assertThat((String) narrowed.json("$.errors[0].message")).contains(inThreeWeeks.toLocalDate().toString());
        assertThat(backwards.status()).isEqualTo(422);
        assertThat((String) backwards.json("$.errors[0].field")).isEqualTo("period.end");
        assertThat(etag(api.http.get("/api/programmes/" + programme))).as("nothing changed").isEqualTo(etag(read));
    }

    @Test
    void aTrainingOutsideItsProgrammesPeriodOrInThePastIsRefused() {
        String programme = api.programme("[\"91\"]");
        Http.Response past = api.draft(programme, "91.71.01", LocalDateTime.now(WIT).minusDays(1).withHour(9), 4, 5);
        Http.Response afterPeriod = api.draft(programme, "91.71.01", LocalDateTime.now(WIT).plusYears(4), 4, 5);

        assertThat(past.status()).isEqualTo(422);
        assertThat((String) past.json("$.errors[0].message")).contains("must not be in the past", "WIT");
        assertThat(afterPeriod.status()).isEqualTo(422);
        assertThat((String) afterPeriod.json("$.errors[0].message")).contains("within the period");
    }

    @Test
    void rescheduleAndCompletionFollowTheVenuesTimeInJayapura() {
        String programme = api.programme("[\"91\"]");
        String training = jayapuraTraining(programme, 5);
        String seat = created(api.enrol(training, jayapuraKim, "Yohanes Wenda"));
        Instant start = inThreeWeeks.atZone(WIT).toInstant();

        Http.Response early = api.http.postJson("/api/trainings/" + training + "/attendance", "{\"enrolmentIds\": [\"" + seat + "\"]}");
        Http.Response completedEarly = api.status(training, "COMPLETED", null);
        Http.Response attended = CLOCK.at(start.plusSeconds(600), () -> api.http.postJson("/api/trainings/" + training
                + "/attendance", "{\"enrolmentIds\": [\"" + seat + "\"]}"));
        Http.Response moved = CLOCK.at(start.plusSeconds(700), () -> api.http.postJson("/api/trainings/" + training + "/reschedule",
                "{\"start\": \"%s\", \"end\": \"%s\"}".formatted(inThreeWeeks.plusDays(1), inThreeWeeks.plusDays(1).plusHours(3))));

        assertThat(early.status()).isEqualTo(409);
        assertThat((String) early.json("$.detail")).contains("from its start at " + inThreeWeeks + " WIT");
        assertThat(completedEarly.status()).isEqualTo(409);
        assertThat(attended.status()).isEqualTo(200);
        assertThat(moved.status()).isEqualTo(409);
        assertThat((String) moved.json("$.detail")).contains("Attendance of this training has been recorded");
        assertThat((String) api.http.get("/api/trainings/" + training).json("$.status")).isEqualTo("SCHEDULED");
    }

    @Test
    void aRaisedCapacitySeatsThoseWaitingInOrderAndNeverFallsBelowTheSeatsTaken() {
        String programme = api.programme("[\"91\"]");
        String training = jayapuraTraining(programme, 1);
        created(api.enrol(training, jayapuraKim, "Yohanes"));
        String second = created(api.enrol(training, jayapuraKim2, "Maria"));
        String third = created(api.enrol(training, jayapuraKim3, "Petrus"));
        Http.Response read = api.http.get("/api/trainings/" + training);

        Http.Response below = api.patch("/api/trainings/" + training, etag(read), "{\"capacity\": 0}");
        Http.Response raised = api.patch("/api/trainings/" + training, etag(read), """
                {"capacity": 2, "title": "Pembekalan KIM Jayapura", "materials": [{"title": "Modul", "link": "https://dinkes.example/m.pdf"}]}""");
        Http.Response stale = api.patch("/api/trainings/" + training, etag(read), "{\"capacity\": 3}");

        assertThat(below.status()).isEqualTo(400);
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat((Integer) raised.json("$.capacity")).isEqualTo(2);
        assertThat((Integer) raised.json("$.seatsTaken")).isEqualTo(2);
        assertThat(raised.<List<String>>json("$.enrolments[?(@.id == '" + second + "')].status")).containsExactly("ENROLLED");
        assertThat((Integer) ((List<?>) raised.json("$.enrolments[?(@.id == '" + third + "')].waitlistPosition")).getFirst()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(412);

        Http.Response belowSeats = api.patch("/api/trainings/" + training, etag(raised), "{\"capacity\": 1}");
        assertThat(belowSeats.status()).isEqualTo(422);
        assertThat((String) belowSeats.json("$.errors[0].message")).contains("2 seats taken");

        List<ConsumerRecord<String, String>> records = TopicRecords.read(bootstrap, Topics.TRAININGS,
                r -> training.equals(r.key()), 7, Duration.ofSeconds(30));
        assertThat(records.subList(5, 7)).extracting(r -> TopicRecords.header(r, "ce_type"))
                .containsExactly("id.simpul.training.updated.v1", "id.simpul.participant.promoted.v1");
        records.forEach(r -> assertThat(EventSchemas.validate(TopicRecords.header(r, "ce_type"), r.value())).as(r.value()).isEmpty());
        assertThat(records.get(6).value()).contains(second);
    }

    @Test
    void aVenueStaysInTheTrainingsTimeZone() {
        String programme = api.programme("[]");
        String training = jayapuraTraining(programme, 5);
        Http.Response read = api.http.get("/api/trainings/" + training);

        Http.Response acrossZones = api.patch("/api/trainings/" + training, etag(read),
                "{\"venue\": {\"regionCode\": \"63.03.05\", \"address\": \"Aula Martapura\"}}");
        Http.Response sameZone = api.patch("/api/trainings/" + training, etag(read),
                "{\"venue\": {\"regionCode\": \"91.71.02\", \"address\": \"Aula Distrik Jayapura Selatan\"}}");

        assertThat(acrossZones.status()).isEqualTo(422);
        assertThat((String) acrossZones.json("$.errors[0].message")).contains("WITA", "WIT");
        assertThat(sameZone.status()).isEqualTo(200);
        assertThat((String) sameZone.json("$.venue.regionCode")).isEqualTo("91.71.02");
    }

    @Test
    void anOutputIsCorrectedThenWithdrawnAndCountsNoLonger() {
        String programme = api.programme("[\"91\"]");
        String training = jayapuraTraining(programme, 5);
        String seat = created(api.enrol(training, jayapuraKim, "Yohanes"));
        Instant afternoon = inThreeWeeks.plusHours(5).atZone(WIT).toInstant();
        String day = inThreeWeeks.toLocalDate().toString();
        Http.Response output = CLOCK.at(afternoon, () -> {
            api.http.postJson("/api/trainings/" + training + "/attendance", "{\"enrolmentIds\": [\"" + seat + "\"]}");
            api.status(training, "COMPLETED", null);
            return api.http.postJson("/api/programmes/" + programme + "/outputs", """
                    {"kimId": "%s", "channel": "FACEBOOK", "url": "https://facebook.com/kimgurabesi/1", "publishedOn": "%s",
                     "peopleReached": 1450}""".formatted(jayapuraKim, day));
        });
        String path = "/api/programmes/" + programme + "/outputs/" + created(output);

        Http.Response noReason = CLOCK.at(afternoon, () -> api.patch(path, etag(output), "{\"peopleReached\": 1045}"));
        Http.Response future = CLOCK.at(afternoon, () -> api.patch(path, etag(output), """
                {"publishedOn": "%s", "reason": "Tanggal salah"}""".formatted(inThreeWeeks.toLocalDate().plusDays(2))));
        Http.Response corrected = CLOCK.at(afternoon, () -> api.patch(path, etag(output),
                "{\"peopleReached\": 1045, \"reason\": \"Angka tertukar\"}"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(future.status()).isEqualTo(422);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat((Integer) api.http.get("/api/programmes/" + programme).json("$.progress.peopleReached.actual")).isEqualTo(1045);

        Http.Response withdrawn = api.post(path + "/withdrawal", etag(corrected), "{\"reason\": \"Dilaporkan dua kali\"}");
        Http.Response again = api.post(path + "/withdrawal", etag(withdrawn), "{\"reason\": \"Lagi\"}");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat((String) withdrawn.json("$.status")).isEqualTo("WITHDRAWN");
        assertThat((String) withdrawn.json("$.withdrawal.reason")).isEqualTo("Dilaporkan dua kali");
        assertThat(again.status()).isEqualTo(409);
        Http.Response progress = api.http.get("/api/programmes/" + programme);
        assertThat((Integer) progress.json("$.progress.outputs.actual")).isZero();
        assertThat((Integer) progress.json("$.progress.peopleReached.actual")).isZero();
        assertThat(api.http.get("/api/programmes/" + programme + "/outputs?status=REPORTED").<Integer>json("$.totalItems")).isZero();
        assertThat(api.http.get("/api/programmes/" + programme + "/outputs?status=WITHDRAWN").<Integer>json("$.totalItems")).isEqualTo(1);

        List<ConsumerRecord<String, String>> records = TopicRecords.read(bootstrap, Topics.OUTPUTS,
                r -> path.endsWith(r.key()), 3, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> TopicRecords.header(r, "ce_type")).containsExactly(
                "id.simpul.output.reported.v1", "id.simpul.output.corrected.v1", "id.simpul.output.withdrawn.v1");
        records.forEach(r -> assertThat(EventSchemas.validate(TopicRecords.header(r, "ce_type"), r.value())).as(r.value()).isEmpty());
    }

    @Test
    void aPartnerIsCorrectedAndFindsItsInvitations() {
        String programme = api.programme("[\"91\"]");
        String partner = api.partner("Puskesmas Abepura " + UUID.randomUUID());
        String first = jayapuraTraining(programme, 5);
        String second = api.scheduled(programme, "91.71.01", inThreeWeeks.plusDays(2), 5);
        String answered = created(api.invite(first, partner));
        created(api.invite(second, partner));
        api.http.postJson("/api/invitations/" + answered + "/decline", "{\"reason\": \"Jadwal bentrok\"}");

        Http.Response read = api.http.get("/api/partners/" + partner);
        Http.Response renamed = api.patch("/api/partners/" + partner, etag(read), """
                {"name": "UPTD Puskesmas Abepura", "contacts": [{"name": "Bidan Maria Kambu", "phone": "+62 967-581-220"}]}""");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat((String) renamed.json("$.contacts[0].name")).isEqualTo("Bidan Maria Kambu");
        assertThat(api.http.get("/api/partners?q=uptd%20PUSKESMAS").<List<String>>json("$.items[*].id")).contains(partner);

        Http.Response all = api.http.get("/api/partners/" + partner + "/invitations?sort=start,asc");
        Http.Response waiting = api.http.get("/api/partners/" + partner + "/invitations?status=INVITED");

        assertThat(all.<List<String>>json("$.items[*].training.id")).containsExactly(first, second);
        assertThat(all.<List<String>>json("$.items[*].invitation.status")).containsExactly("DECLINED", "INVITED");
        assertThat((Map<String, String>) all.json("$.items[0].training.start")).containsEntry("timeZone", "WIT")
                .containsEntry("utcOffset", "+09:00");
        assertThat(waiting.<List<String>>json("$.items[*].training.id")).containsExactly(second);
        assertThat(api.http.get("/api/partners/" + UUID.randomUUID() + "/invitations").status()).isEqualTo(404);

        ConsumerRecord<String, String> event = TopicRecords.read(bootstrap, Topics.PARTNERS,
                r -> partner.equals(r.key()) && "id.simpul.partner.updated.v1".equals(TopicRecords.header(r, "ce_type")),
                1, Duration.ofSeconds(30)).getFirst();
        assertThat(EventSchemas.validate("id.simpul.partner.updated.v1", event.value())).isEmpty();
        assertThat(event.value()).contains("\"changed\":[\"name\",\"contacts\"]").doesNotContain("Kambu");
    }

    @Test
    void aKimFindsTheTrainingsOpenToItItsEnrolmentsAndItsCertificates() {
        String papua = api.programme("[\"91.71\"]");
        String elsewhere = api.programme("[\"63\"]");
        String open = jayapuraTraining(papua, 1);
        String full = api.scheduled(papua, "91.71.01", inThreeWeeks.plusDays(3), 1);
        String inBanjar = api.scheduled(elsewhere, "63.03.05", inThreeWeeks.minusHours(1), 5);
        created(api.enrol(full, jayapuraKim3, "Petrus"));
        String seat = created(api.enrol(open, jayapuraKim2, "Maria"));

        List<String> openToKim = api.http.get("/api/kims/" + jayapuraKim2 + "/open-trainings?size=100").json("$.items[*].id");
        assertThat(openToKim).contains(open, full).doesNotContain(inBanjar);
        assertThat(api.http.get("/api/kims/" + banjarKim + "/open-trainings?size=100").<List<String>>json("$.items[*].id"))
                .contains(inBanjar).doesNotContain(open, full);
        assertThat(api.http.get("/api/kims/" + dormantKim + "/open-trainings").<Integer>json("$.totalItems")).isZero();
        assertThat(api.http.get("/api/kims/" + UUID.randomUUID() + "/open-trainings").status()).isEqualTo(404);

        Instant afternoon = inThreeWeeks.plusHours(5).atZone(WIT).toInstant();
        CLOCK.at(afternoon, () -> {
            api.http.postJson("/api/trainings/" + open + "/attendance", "{\"enrolmentIds\": [\"" + seat + "\"]}");
            return api.status(open, "COMPLETED", null);
        });

        Http.Response enrolments = api.http.get("/api/kims/" + jayapuraKim2 + "/enrolments");
        Http.Response certificates = api.http.get("/api/kims/" + jayapuraKim2 + "/certificates");
        assertThat(enrolments.<List<String>>json("$.items[*].enrolment.id")).contains(seat);
        assertThat(enrolments.<List<String>>json("$.items[?(@.enrolment.id == '" + seat + "')].training.status"))
                .containsExactly("COMPLETED");
        assertThat(certificates.<List<String>>json("$.items[*].training.id")).containsExactly(open);
        String code = certificates.json("$.items[0].code");
        assertThat((String) api.http.get("/api/certificates/" + code).json("$.start.timeZone")).isEqualTo("WIT");
    }

    @Test
    void listsAreFilteredSortedAndRefuseWhatTheyDoNotKnow() {
        String ntt = api.programme("[\"53.01\"]");
        api.patch("/api/programmes/" + ntt, "\"1\"", "{\"theme\": \"ANTI_HOAX\"}");

        assertThat(api.http.get("/api/programmes?region=53.01.01&theme=ANTI_HOAX&size=100").<List<String>>json("$.items[*].id"))
                .contains(ntt);
        assertThat(api.http.get("/api/programmes?region=53.02&theme=ANTI_HOAX&size=100").<List<String>>json("$.items[*].id"))
                .doesNotContain(ntt);
        assertThat(api.http.get("/api/programmes?status=RUNNING&organiser=MINISTRY&size=100").<List<String>>json("$.items[*].id"))
                .contains(ntt);
        assertThat(api.http.get("/api/programmes?status=ENDED&size=100").<List<String>>json("$.items[*].id")).doesNotContain(ntt);
        assertThat(api.http.get("/api/programmes?to=2019-12-31&size=100").<List<String>>json("$.items[*].id")).doesNotContain(ntt);

        Http.Response badSort = api.http.get("/api/trainings?sort=venue");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat((String) badSort.json("$.errors[0].field")).isEqualTo("sort");
        assertThat((String) badSort.json("$.errors[0].message")).contains("start, title, status, capacity");
        List<String> titles = api.http.get("/api/trainings?sort=title,desc&size=100").json("$.items[*].title");
        assertThat(titles).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Http.Response unknownParameter = api.http.get("/api/trainings?kimId=" + jayapuraKim);
        assertThat(unknownParameter.status()).isEqualTo(400);
        assertThat((String) unknownParameter.json("$.errors[0].field")).isEqualTo("kimId");
        assertThat((String) unknownParameter.json("$.errors[0].message")).contains("programme", "region", "sort", "page", "size");
        assertThat(api.http.get("/api/partners?name=Puskesmas").status()).isEqualTo(400);
        assertThat(api.http.get("/api/programmes?regionCode=53").status()).isEqualTo(400);
        assertThat(api.http.get("/api/kims/" + jayapuraKim + "/enrolments?training=x").status()).isEqualTo(400);
        assertThat(api.http.get("/api/trainings/not-a-uuid").status()).isEqualTo(400);
        assertThat(api.http.get("/api/trainings/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
