package id.simpul.training.session;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TestIssuer;
import id.simpul.training.kimview.KimDirectory;
import id.simpul.training.support.RegistryEvents;
import id.simpul.training.support.TrainingApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/access.md for training-service, as the people of docs/DESIGN.md call it: a regional programme manager plans
 * for their region only, a health office sees and answers its own invitations and adds briefing material, a KIM
 * officer enrols and withdraws their own KIM's members, regional officers read partners of their region, and
 * partners' contact people are never public.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingAccessIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    KimDirectory kims;

    TrainingApi admin;
    String programme;
    String invitedPartner;
    String otherPartner;
    String invitedTraining;
    String otherTraining;
    String invitation;
    final String ownKim = UUID.randomUUID().toString();
    final String otherKim = UUID.randomUUID().toString();
    final LocalDateTime inAMonth = LocalDateTime.now().plusDays(30).truncatedTo(ChronoUnit.DAYS).withHour(9);

    @BeforeAll
    void setUp() {
        admin = new TrainingApi(TestIssuer.as(Caller.MINISTRY_ADMIN, port));
        programme = admin.programme("[\"63\"]");
        invitedPartner = admin.partner("Dinas Kesehatan Kabupaten Banjar " + UUID.randomUUID().toString().substring(0, 6));
        otherPartner = TrainingApi.created(admin.http.postJson("/api/partners", """
                {"name": "Dinas Kesehatan Kota Samarinda %s", "type": "HEALTH_OFFICE", "regionCode": "64.72",
                 "contacts": [{"name": "dr. Sari", "phone": "+62 811-500-200", "email": "gizi@samarinda.example"}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6))));
        invitedTraining = admin.scheduled(programme, "63.03.05", inAMonth, 10);
        otherTraining = admin.scheduled(programme, "63.03.05", inAMonth.plusDays(1), 10);
        invitation = TrainingApi.created(admin.invite(invitedTraining, invitedPartner));
        RegistryEvents.kim(bootstrap, ownKim, "KIM Sendiri", "63.03.05.1001", "ACTIVE");
        RegistryEvents.kim(bootstrap, otherKim, "KIM Lain", "63.03.05.1002", "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> kims.find(ownKim).isPresent() && kims.find(otherKim).isPresent());
    }

    private Http as(Caller caller) {
        return TestIssuer.as(caller, port);
    }

    private Caller healthOffice() {
        return Caller.partner("dinkes.banjar", invitedPartner, "63.03");
    }

    private String programmeBody(String organiser) {
        return """
                {"title": "Gerakan KIM Cegah Stunting", "theme": "STUNTING", "organiser": %s,
                 "period": {"start": "2026-01-01", "end": "%s"}, "targetRegions": ["63"],
                 "targets": {"trainings": 1, "kimsTrained": 1, "outputs": 1, "peopleReached": 1}}"""
                .formatted(organiser, LocalDate.now().plusYears(1));
    }

    @Test
    void aRegionalProgrammeManagerPlansForTheirRegionOnly() {
        Http kalselManager = as(Caller.of("pm.kalsel", "PROGRAMME_MANAGER", "63"));

        Http.Response own = kalselManager.postJson("/api/programmes",
                programmeBody("{\"level\": \"REGION\", \"regionCode\": \"63\", \"name\": \"Diskominfo Kalsel\"}"));
        Http.Response neighbour = kalselManager.postJson("/api/programmes",
                programmeBody("{\"level\": \"REGION\", \"regionCode\": \"64\", \"name\": \"Diskominfo Kaltim\"}"));
        Http.Response ministry = kalselManager.postJson("/api/programmes", programmeBody("{\"level\": \"MINISTRY\", \"name\": \"Komdigi\"}"));
        Http.Response national = as(Caller.PROGRAMME_MANAGER).postJson("/api/programmes", programmeBody("{\"level\": \"MINISTRY\", \"name\": \"Komdigi\"}"));

        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(neighbour.status()).as(neighbour.body()).isEqualTo(403);
        assertThat((String) neighbour.json("$.missingRight")).isEqualTo("programmes.create in 64");
        assertThat(ministry.status()).as("the ministry's programmes need national scope").isEqualTo(403);
        assertThat(national.status()).isEqualTo(201);
        assertThat(kalselManager.postJson("/api/trainings/" + invitedTraining + "/status", "{\"status\": \"CANCELLED\", \"reason\": \"x\"}")
                .status()).as("a training of the ministry's programme").isEqualTo(403);
    }

    @Test
    void aHealthOfficeSeesAndAnswersOnlyItsOwnInvitations() {
        Http office = as(healthOffice());

        List<String> listed = office.get("/api/trainings?size=100").json("$.items[*].id");
        assertThat(listed).containsExactly(invitedTraining);
        assertThat(office.get("/api/trainings/" + invitedTraining).status()).isEqualTo(200);
        assertThat(office.get("/api/trainings/" + otherTraining).status()).isEqualTo(403);
        assertThat(office.get("/api/partners/" + invitedPartner + "/invitations").<List<String>>json("$.items[*].invitation.id"))
                .containsExactly(invitation);
        assertThat(office.get("/api/partners/" + otherPartner + "/invitations").status()).isEqualTo(403);
        assertThat(office.get("/api/invitations/" + invitation).status()).isEqualTo(200);
        assertThat(as(Caller.partner("dinkes.samarinda", otherPartner, "64.72")).postJson("/api/invitations/" + invitation + "/accept",
                "{\"speakers\": [{\"name\": \"dr. Sari\", \"role\": \"Ahli gizi\"}]}").status()).as("another partner's invitation").isEqualTo(403);
        Http.Response accepted = office.postJson("/api/invitations/" + invitation + "/accept",
                "{\"speakers\": [{\"name\": \"dr. Nur " + UUID.randomUUID().toString().substring(0, 4) + "\", \"role\": \"Ahli gizi\"}]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void anInvitedPartnerAddsBriefingMaterialAndNothingElse() {
        Http office = as(healthOffice());
        String etag = TrainingApi.etag(office.get("/api/trainings/" + invitedTraining));

        Http.Response materials = admin.patch("/api/trainings/" + invitedTraining, etag,
                "{\"materials\": [{\"title\": \"Materi Dinkes\", \"link\": \"https://dinkes.example/gizi.pdf\"}]}");
        String next = TrainingApi.etag(materials);
        Http.Response byOffice = new TrainingApi(office).patch("/api/trainings/" + invitedTraining, next,
                "{\"materials\": [{\"title\": \"Materi Dinkes v2\", \"link\": \"https://dinkes.example/gizi-2.pdf\"}]}");
        Http.Response capacity = new TrainingApi(office).patch("/api/trainings/" + invitedTraining, TrainingApi.etag(byOffice),
                "{\"capacity\": 500}");
        Http.Response notInvited = new TrainingApi(office).patch("/api/trainings/" + otherTraining,
                TrainingApi.etag(admin.http.get("/api/trainings/" + otherTraining)), "{\"materials\": []}");

        assertThat(byOffice.status()).as(byOffice.body()).isEqualTo(200);
        assertThat((String) byOffice.json("$.materials[0].title")).isEqualTo("Materi Dinkes v2");
        assertThat(capacity.status()).as(capacity.body()).isEqualTo(403);
        assertThat((String) capacity.json("$.detail")).contains("materials only");
        assertThat(notInvited.status()).isEqualTo(403);
    }

    @Test
    void partnersAreReadByTheirOwnPeopleAndTheOfficersOfTheirRegionNeverByAnonymousCallers() {
        Http.Response anonymous = Http.local(port).get("/api/partners");
        Http.Response viewer = as(Caller.VIEWER).get("/api/partners");
        List<String> banjarOfficer = as(Caller.REGENCY_OFFICER).get("/api/partners?size=100").json("$.items[*].regionCode");
        List<String> ownPeople = as(healthOffice()).get("/api/partners?size=100").json("$.items[*].id");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("+62", "@");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(banjarOfficer).isNotEmpty().allSatisfy(code -> assertThat(code).startsWith("63.03"));
        assertThat(ownPeople).containsExactly(invitedPartner);
        assertThat(as(healthOffice()).get("/api/partners/" + otherPartner).status()).isEqualTo(403);
        assertThat(as(Caller.REGENCY_OFFICER).get("/api/partners/" + otherPartner).status()).isEqualTo(403);
        assertThat(as(Caller.REGENCY_OFFICER).postJson("/api/partners", """
                {"name": "Puskesmas Samarinda", "type": "HEALTH_OFFICE", "regionCode": "64.72"}""").status()).isEqualTo(403);
    }

    @Test
    void aKimOfficerEnrolsAndWithdrawsTheirOwnKimsMembersOnly() {
        Http officer = as(Caller.kimOfficer("kim.sendiri", ownKim, "63.03.05.1001"));
        TrainingApi asOfficer = new TrainingApi(officer);

        Http.Response own = asOfficer.enrol(otherTraining, ownKim, "Siti Rahmah");
        Http.Response other = asOfficer.enrol(otherTraining, otherKim, "Budi Santoso");

        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(other.status()).as(other.body()).isEqualTo(403);
        assertThat(officer.get("/api/trainings/" + otherTraining + "/enrolments").status()).as("participants' names").isEqualTo(403);
        assertThat(officer.get("/api/kims/" + ownKim + "/enrolments").<Integer>json("$.totalItems")).isEqualTo(1);
        assertThat(officer.get("/api/kims/" + otherKim + "/enrolments").status()).isEqualTo(403);
        String othersEnrolment = TrainingApi.created(admin.enrol(otherTraining, otherKim, "Budi Santoso"));
        assertThat(officer.send(java.net.http.HttpRequest.newBuilder(officer.uri("/api/enrolments/" + othersEnrolment)).DELETE()).status())
                .isEqualTo(403);
        assertThat(officer.send(java.net.http.HttpRequest.newBuilder(officer.uri("/api/enrolments/" + own.json("$.id"))).DELETE()).status())
                .isEqualTo(200);
        assertThat(officer.postJson("/api/programmes/" + programme + "/outputs", """
                {"kimId": "%s", "channel": "INSTAGRAM", "url": "https://instagram.com/p/x", "publishedOn": "%s", "peopleReached": 10}"""
                .formatted(otherKim, LocalDate.now())).status()).as("another KIM's output").isEqualTo(403);
    }

    @Test
    void theCertificateCheckStaysPublic() {
        assertThat(Http.local(port).get("/api/certificates/NOSUCHCODE").status()).isEqualTo(404);
        assertThat(Http.local(port).get("/api/programmes").status()).as("programmes need sign-in").isEqualTo(401);
    }
}
