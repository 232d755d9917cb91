package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static id.simpul.systemtest.Figures.delta;
import static id.simpul.systemtest.Figures.number;
import static id.simpul.systemtest.Figures.numbers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The source article's example end to end over HTTP, with every service running: KIMs registered and verified in
 * registry-service, a stunting programme with the health office of Kabupaten Banjar, a training in Martapura (WITA),
 * enrolment of eligible KIMs (and a clear refusal of one that is not), waitlist and promotion, attendance,
 * completion with a certificate, and the outputs the programme counts; then the exact figures reporting-service
 * shows for it: the national summary, the drill-down into Kecamatan Martapura and the programme page. Every step is
 * taken by the person who takes it in the programme, signed in through identity-service's real authorization code +
 * PKCE flow: the Banjar office registers the KIMs, the province verifies them, the programme manager plans and runs
 * the training, the health office's person accepts its invitation, each KIM's officer enrols and reports, and the
 * figures are read anonymously as the public dashboard reads them.
 */
class StuntingScenarioIT {

    private static final String MARTAPURA = "63.03.05";
    private static SimpulSystem system;
    /** The programme manager (pm.stunting): programme, training, invitations, attendance, completion. */
    private static Http training;
    /** The dashboard, as anyone reads it. */
    private static Http reporting;
    private static Scenario scenario;
    private static Figures figures;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startSystem() {
        system = SimpulSystem.get();
        training = system.as("pm.stunting", "training-service");
        reporting = system.anonymous("reporting-service");
        // The Banjar office registers the KIMs, the province verifies them (four eyes), the manager plans.
        scenario = new Scenario(system.as("kominfo.banjar", "registry-service"), training,
                system.as("kominfo.kalsel", "registry-service"));
        figures = new Figures(reporting);
    }

    /** The officer of {@code kimId}, created by the ministry admin and signed in through identity-service. */
    private Http officerOf(String kimId, String village, String name) {
        String username = "kim." + name + "." + run;
        system.createUser(username, "KIM_OFFICER", village, null, kimId);
        return system.as(username, "training-service");
    }

    @Test
    void aStuntingCampaignRunsFromRegistrationToOutputs() {
        Http.Response summaryBefore = figures.settled("/api/dashboard/summary");
        Http.Response martapuraBefore = reporting.get("/api/dashboard/regions/" + MARTAPURA);
        Http.Response keratonBefore = reporting.get("/api/dashboard/regions/63.03.05.1001");

        String keraton = scenario.kim("KIM Keraton Peduli " + run, "63.03.05.1001", "ACTIVE");
        String jawa = scenario.kim("KIM Jawa Sehat " + run, "63.03.05.1002", "VERIFIED");
        String fresh = scenario.kim("KIM Baru Saja " + run, "63.03.05.1003", "SUBMITTED");

        String programme = scenario.programme("Gerakan KIM Cegah Stunting " + run, "63",
                "{\"trainings\": 1, \"kimsTrained\": 2, \"outputs\": 5, \"peopleReached\": 10000}");
        String dinkes = id(training.postJson("/api/partners", """
                {"name": "Dinas Kesehatan Kabupaten Banjar", "type": "HEALTH_OFFICE", "regionCode": "63.03",
                 "contacts": [{"name": "dr. Nurul", "role": "Kepala Seksi Gizi"}]}"""));
        // The health office's own person, who answers the invitation.
        system.createUser("dinkes." + run, "PARTNER", "63.03", dinkes, null);
        Http healthOffice = system.as("dinkes." + run, "training-service");
        Http keratonOfficer = officerOf(keraton, "63.03.05.1001", "keraton");
        Http jawaOfficer = officerOf(jawa, "63.03.05.1002", "jawa");
        Http.Response drafted = scenario.draftInMartapura(programme, "Pembekalan KIM Cegah Stunting " + run, 1);
        String session = id(drafted);
        assertThat((String) drafted.json("$.start.timeZone")).isEqualTo("WITA");
        assertThat((String) drafted.json("$.start.utcOffset")).isEqualTo("+08:00");
        LocalDate startDay = LocalDate.parse(drafted.<String>json("$.start.local").substring(0, 10));
        scenario.schedule(session);

        String invitation = id(training.postJson("/api/trainings/" + session + "/invitations", "{\"partnerId\": \"" + dinkes + "\"}"));
        Http.Response joined = healthOffice.postJson("/api/invitations/" + invitation + "/accept", """
                {"speakers": [{"name": "dr. Nurul Hidayah", "role": "Dokter", "email": "nurul-%s@dinkes.example"}]}""".formatted(run));
        assertThat((String) joined.json("$.status")).as(joined.body()).isEqualTo("ACCEPTED");
        assertThat(healthOffice.get("/api/trainings?size=100").<List<String>>json("$.items[*].id"))
                .as("the health office sees the trainings it is invited to").containsExactly(session);

        // Enrolment decides from training-service's own view of registry events, which may lag a moment.
        Http.Response siti = scenario.enrolWhenKnown(keratonOfficer, session, keraton, "Siti Rahmah", 201);
        Http.Response budi = scenario.enrolWhenKnown(jawaOfficer, session, jawa, "Budi Santoso", 201);
        Http.Response refused = scenario.enrolWhenKnown(session, fresh, "Andi", 422);
        assertThat((String) siti.json("$.status")).isEqualTo("ENROLLED");
        assertThat((String) budi.json("$.status")).isEqualTo("WAITLISTED");
        assertThat(refused.status()).isEqualTo(422);
        assertThat((String) refused.json("$.detail")).contains("is SUBMITTED", "only VERIFIED or ACTIVE KIMs may enrol");

        assertThat(jawaOfficer.send(HttpRequest.newBuilder(jawaOfficer.uri("/api/enrolments/" + siti.json("$.id"))).DELETE()).status())
                .as("another KIM's member").isEqualTo(403);
        Http.Response withdrawal = keratonOfficer.send(HttpRequest.newBuilder(keratonOfficer.uri("/api/enrolments/" + siti.json("$.id"))).DELETE());
        assertThat((String) withdrawal.json("$.promoted.participant.name")).isEqualTo("Budi Santoso");

        scenario.awaitStart(session);
        scenario.recordAttendance(session, budi.<String>json("$.id"));
        Http.Response completed = training.postJson("/api/trainings/" + session + "/status", "{\"status\": \"COMPLETED\"}");
        String code = completed.<List<String>>json("$.enrolments[?(@.attended == true)].certificateCode").getFirst();
        Http.Response certificate = system.anonymous("training-service").get("/api/certificates/" + code);
        assertThat((String) certificate.json("$.participant")).isEqualTo("Budi Santoso");
        assertThat((String) certificate.json("$.trainingId")).isEqualTo(session);

        Http.Response output = jawaOfficer.postJson("/api/programmes/" + programme + "/outputs", """
                {"kimId": "%s", "channel": "INSTAGRAM", "url": "https://instagram.com/p/kimjawa-stunting", "publishedOn": "%s",
                 "peopleReached": 1200, "description": "Infografis gizi ibu hamil"}""".formatted(jawa, startDay));
        Http.Response notAttended = keratonOfficer.postJson("/api/programmes/" + programme + "/outputs", """
                {"kimId": "%s", "channel": "RADIO", "publishedOn": "%s", "peopleReached": 500}""".formatted(keraton, startDay));
        assertThat(output.status()).as(output.body()).isEqualTo(201);
        assertThat(notAttended.status()).as(notAttended.body()).isEqualTo(422);
        Http.Response history = training.get("/api/trainings/" + session);
        assertThat(history.<List<String>>json("$.history[*].by")).contains("pm.stunting", "kim.keraton." + run,
                "dinkes." + run, "kim.jawa." + run);

        Http.Response progress = training.get("/api/programmes/" + programme);
        assertThat((Integer) progress.json("$.progress.trainingsCompleted.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.kimsTrained.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.outputs.actual")).isEqualTo(1);
        assertThat((Integer) progress.json("$.progress.peopleReached.actual")).isEqualTo(1200);

        // reporting-service: the programme page, exactly.
        Http.Response page = figures.when("/api/dashboard/programmes/" + programme,
                p -> p.status() == 200 && number(p, "$.outputs.count") == 1 && "COMPLETED".equals(p.json("$.trainings[0].status")));
        assertThat(number(page, "$.progress.trainingsPlanned.actual")).isEqualTo(1);
        assertThat((Double) page.json("$.progress.trainingsCompleted.share")).isEqualTo(1.0);
        assertThat(number(page, "$.progress.kimsTrained.actual")).isEqualTo(1);
        assertThat((Double) page.json("$.progress.kimsTrained.share")).isEqualTo(0.5);
        assertThat((Double) page.json("$.progress.outputs.share")).isEqualTo(0.2);
        assertThat(number(page, "$.progress.peopleReached.actual")).isEqualTo(1200);
        assertThat((Double) page.json("$.progress.peopleReached.share")).isEqualTo(0.12);
        assertThat(numbers(page, "$.participants", "enrolled", "waitlisted", "withdrawn", "attended")).containsExactly(1L, 0L, 1L, 1L);
        assertThat((Double) page.json("$.participants.attendanceRate")).isEqualTo(1.0);
        assertThat(number(page, "$.partners.engaged")).isEqualTo(1);
        assertThat(number(page, "$.partners.byType.HEALTH_OFFICE")).isEqualTo(1);
        assertThat(numbers(page, "$.funnel", "enrolled", "attended", "reported")).containsExactly(1L, 1L, 1L);
        Http.Response kalsel = reporting.get("/api/dashboard/regions/63");
        assertThat(number(page, "$.funnel.eligible")).as("VERIFIED or ACTIVE KIMs in the target region")
                .isEqualTo(number(kalsel, "$.kims.byStatus.VERIFIED") + number(kalsel, "$.kims.byStatus.ACTIVE"));
        assertThat((String) page.json("$.trainings[0].venue.name")).isEqualTo("Martapura");
        assertThat(numbers(page, "$.trainings[0]", "enrolled", "waitlisted", "attended", "partnersJoined")).containsExactly(1L, 0L, 1L, 1L);
        assertThat(numbers(page, "$.byRegion[0]", "trainings", "kimsTrained", "outputs", "peopleReached")).containsExactly(1L, 1L, 1L, 1200L);
        assertThat((String) page.json("$.byRegion[0].children[0].region.code")).isEqualTo("63.03");
        assertThat(numbers(page, "$.byRegion[0].children[0]", "trainings", "kimsTrained", "outputs", "peopleReached"))
                .containsExactly(1L, 1L, 1L, 1200L);

        // The national summary: exactly what this campaign added.
        Http.Response summary = figures.settled("/api/dashboard/summary");
        boolean keratonWasCovered = number(keratonBefore, "$.kims.byStatus.ACTIVE") > 0;
        assertThat(delta(summaryBefore, summary, "$.kims.total")).isEqualTo(3);
        assertThat(delta(summaryBefore, summary, "$.kims.byStatus.ACTIVE")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.kims.byStatus.VERIFIED")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.kims.byStatus.SUBMITTED")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.coverage.villages.covered")).isEqualTo(keratonWasCovered ? 0 : 1);
        assertThat(delta(summaryBefore, summary, "$.trainings.total")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.trainings.byStatus.COMPLETED")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.trainings.byTheme.STUNTING")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.participants.enrolled")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.participants.waitlisted")).isEqualTo(0);
        assertThat(delta(summaryBefore, summary, "$.participants.withdrawn")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.participants.attended")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.partners.engaged")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.outputs.count")).isEqualTo(1);
        assertThat(delta(summaryBefore, summary, "$.outputs.reach")).isEqualTo(1200);
        assertThat(delta(summaryBefore, summary, "$.funnel.reported")).isEqualTo(1);

        // The drill-down into Kecamatan Martapura and its villages.
        Http.Response martapura = reporting.get("/api/dashboard/regions/" + MARTAPURA);
        assertThat((String) martapura.json("$.region.name")).isEqualTo("Martapura");
        assertThat(martapura.<List<String>>json("$.path[*].code")).containsExactly("63", "63.03");
        assertThat(delta(martapuraBefore, martapura, "$.kims.total")).isEqualTo(3);
        assertThat(delta(martapuraBefore, martapura, "$.trainings.total")).as("the venue is the kecamatan").isEqualTo(1);
        assertThat(delta(martapuraBefore, martapura, "$.participants.attended")).isEqualTo(1);
        assertThat(delta(martapuraBefore, martapura, "$.outputs.reach")).isEqualTo(1200);
        for (String village : List.of("63.03.05.1001", "63.03.05.1002", "63.03.05.1003")) {
            String child = "$.children[?(@.region.code == '" + village + "')].kims.total";
            assertThat(martapura.<List<Number>>json(child).getFirst().longValue() - martapuraBefore.<List<Number>>json(child).getFirst().longValue())
                    .as(village).isEqualTo(1);
        }
        String jawaOutputs = "$.children[?(@.region.code == '63.03.05.1002')].outputs.reach";
        assertThat(martapura.<List<Number>>json(jawaOutputs).getFirst().longValue()
                - martapuraBefore.<List<Number>>json(jawaOutputs).getFirst().longValue()).isEqualTo(1200);

        Http.Response jawaIndex = reporting.get("/api/dashboard/kims/" + jawa);
        assertThat(number(jawaIndex, "$.index.components.trainings.count")).isEqualTo(1);
        assertThat(number(jawaIndex, "$.index.components.outputs.count")).isEqualTo(1);
        assertThat(number(jawaIndex, "$.index.score")).as("no media, 1 training, 1 output, active today: 8.3 + 5 + 25").isEqualTo(38);
    }

    private static String id(Http.Response created) {
        return Scenario.id(created);
    }
}
