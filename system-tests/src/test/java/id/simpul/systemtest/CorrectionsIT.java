package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static id.simpul.systemtest.Figures.delta;
import static id.simpul.systemtest.Figures.number;
import static id.simpul.systemtest.Figures.numbers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections end to end, with every service running: a manager raises a training's capacity (the waiting take their
 * seats), corrects a programme's targets and a partner's name, a KIM officer corrects an output's reach and withdraws
 * another; reporting-service follows each exactly, on the programme page and in the national summary.
 */
class CorrectionsIT {

    private static Http training;
    private static Http reporting;
    private static Scenario scenario;
    private static Figures figures;
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    static void startSystem() {
        SimpulSystem system = SimpulSystem.get();
        training = system.http("training-service");
        reporting = system.http("reporting-service");
        scenario = new Scenario(system);
        figures = new Figures(reporting);
    }

    @Test
    void reportingFollowsEveryCorrectionAndWithdrawalExactly() {
        String keraton = scenario.kim("KIM Keraton Koreksi " + run, "63.03.05.1001", "ACTIVE");
        String jawa = scenario.kim("KIM Jawa Koreksi " + run, "63.03.05.1002", "ACTIVE");
        String pasayangan = scenario.kim("KIM Pasayangan Koreksi " + run, "63.03.05.1003", "ACTIVE");
        String programme = scenario.programme("Koreksi Cegah Stunting " + run, "63",
                "{\"trainings\": 1, \"kimsTrained\": 3, \"outputs\": 4, \"peopleReached\": 10000}");
        String partner = Scenario.id(training.postJson("/api/partners", """
                {"name": "Dinkes Banjar %s", "type": "HEALTH_OFFICE", "regionCode": "63.03"}""".formatted(run)));
        String session = Scenario.id(scenario.draftInMartapura(programme, "Pembekalan Koreksi " + run, 1));
        scenario.schedule(session);
        String invitation = Scenario.id(training.postJson("/api/trainings/" + session + "/invitations",
                "{\"partnerId\": \"" + partner + "\"}"));
        training.postJson("/api/invitations/" + invitation + "/accept", """
                {"speakers": [{"name": "dr. Nurul", "email": "nurul-%s@dinkes.example"}]}""".formatted(run));
        String siti = scenario.enrolWhenKnown(session, keraton, "Siti", 201).json("$.id");
        String budi = scenario.enrolWhenKnown(session, jawa, "Budi", 201).json("$.id");
        String rina = scenario.enrolWhenKnown(session, pasayangan, "Rina", 201).json("$.id");
        Http.Response summaryBefore = figures.settled("/api/dashboard/summary");

        // A bigger hall: two more seats, taken by those waiting, in order.
        Http.Response read = training.get("/api/trainings/" + session);
        Http.Response raised = patch("/api/trainings/" + session, etag(read), "{\"capacity\": 3}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        Http.Response page = awaitPage(programme, p -> number(p, "$.participants.enrolled") == 3);
        assertThat(numbers(page, "$.participants", "enrolled", "waitlisted")).containsExactly(3L, 0L);
        assertThat(numbers(page, "$.trainings[0]", "capacity", "enrolled", "waitlisted")).containsExactly(3L, 3L, 0L);

        // The programme aims higher, the partner is renamed.
        Http.Response programmeRead = training.get("/api/programmes/" + programme);
        assertThat(patch("/api/programmes/" + programme, etag(programmeRead),
                "{\"targets\": {\"trainings\": 1, \"kimsTrained\": 3, \"outputs\": 10, \"peopleReached\": 20000}}").status()).isEqualTo(200);
        Http.Response partnerRead = training.get("/api/partners/" + partner);
        assertThat(patch("/api/partners/" + partner, etag(partnerRead), "{\"name\": \"UPTD Dinkes Banjar " + run + "\"}").status())
                .isEqualTo(200);
        page = awaitPage(programme, p -> number(p, "$.progress.outputs.target") == 10
                && ("UPTD Dinkes Banjar " + run).equals(p.json("$.trainings[0].partners[0].name")));
        assertThat(number(page, "$.progress.peopleReached.target")).isEqualTo(20000);

        // The training takes place; three outputs are reported.
        scenario.awaitStart(session);
        scenario.recordAttendance(session, siti, budi, rina);
        Http.Response completed = training.postJson("/api/trainings/" + session + "/status", "{\"status\": \"COMPLETED\"}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        String day = completed.<String>json("$.start.local").substring(0, 10);
        Http.Response sitiOutput = output(programme, keraton, "INSTAGRAM", day, 1450);
        Http.Response budiOutput = output(programme, jawa, "YOUTUBE", day, 3200);
        output(programme, pasayangan, "RADIO", day, 500);
        page = awaitPage(programme, p -> number(p, "$.outputs.count") == 3);
        assertThat(number(page, "$.progress.peopleReached.actual")).isEqualTo(5150);

        // Siti's reach was mistyped; Budi's video was reported twice elsewhere and is withdrawn.
        String sitiPath = "/api/programmes/" + programme + "/outputs/" + sitiOutput.json("$.id");
        String budiPath = "/api/programmes/" + programme + "/outputs/" + budiOutput.json("$.id");
        Http.Response corrected = patch(sitiPath, etag(sitiOutput), "{\"peopleReached\": 1045, \"reason\": \"Angka tertukar\"}");
        Http.Response withdrawn = training.send(HttpRequest.newBuilder(training.uri(budiPath + "/withdrawal"))
                .header("Content-Type", "application/json").header("If-Match", etag(budiOutput))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"Dilaporkan dua kali\"}")));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        page = awaitPage(programme, p -> number(p, "$.outputs.count") == 2 && number(p, "$.progress.peopleReached.actual") == 1545);
        assertThat(number(page, "$.progress.outputs.actual")).isEqualTo(2);
        assertThat(number(page, "$.outputs.reach")).isEqualTo(1545);
        assertThat(number(page, "$.funnel.reported")).as("KIMs with an output that counts").isEqualTo(2);
        assertThat(numbers(page, "$.byRegion[0]", "outputs", "peopleReached")).containsExactly(2L, 1545L);
        assertThat(number(reporting.get("/api/dashboard/kims/" + jawa), "$.index.components.outputs.count")).isZero();
        Http.Response programmeInTraining = training.get("/api/programmes/" + programme);
        assertThat((Integer) programmeInTraining.json("$.progress.outputs.actual")).as("training-service agrees").isEqualTo(2);
        assertThat((Integer) programmeInTraining.json("$.progress.peopleReached.actual")).isEqualTo(1545);

        Http.Response summary = figures.settled("/api/dashboard/summary");
        assertThat(delta(summaryBefore, summary, "$.outputs.count")).isEqualTo(2);
        assertThat(delta(summaryBefore, summary, "$.outputs.reach")).isEqualTo(1545);
        assertThat(delta(summaryBefore, summary, "$.participants.enrolled")).isEqualTo(2);
        assertThat(delta(summaryBefore, summary, "$.participants.waitlisted")).isEqualTo(-2);
        assertThat(delta(summaryBefore, summary, "$.participants.attended")).isEqualTo(3);
        assertThat(delta(summaryBefore, summary, "$.funnel.reported")).isEqualTo(2);
        List<String> csv = reporting.get("/api/exports/programmes/" + programme + "/outputs.csv").body().lines().toList();
        assertThat(String.join("\n", csv)).contains("1045").doesNotContain("1450");
    }

    private static Http.Response output(String programme, String kim, String channel, String day, long reached) {
        Http.Response output = training.postJson("/api/programmes/" + programme + "/outputs", """
                {"kimId": "%s", "channel": "%s", "publishedOn": "%s", "peopleReached": %d}""".formatted(kim, channel, day, reached));
        assertThat(output.status()).as(output.body()).isEqualTo(201);
        return output;
    }

    private static Http.Response patch(String path, String etag, String json) {
        return training.send(HttpRequest.newBuilder(training.uri(path)).header("Content-Type", "application/json")
                .header("If-Match", etag).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String etag(Http.Response response) {
        return response.header("ETag").orElseThrow(() -> new AssertionError("no ETag in " + response));
    }

    private static Http.Response awaitPage(String programme, Predicate<Http.Response> ready) {
        return figures.when("/api/dashboard/programmes/" + programme, p -> p.status() == 200 && ready.test(p));
    }
}
