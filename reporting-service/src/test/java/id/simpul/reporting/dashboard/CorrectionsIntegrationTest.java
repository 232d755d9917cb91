package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.ReadModelStore;
import id.simpul.testinfra.DeadLetterApi;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reporting follows training-service's corrections exactly: a programme, partner or training updated, an output
 * corrected or withdrawn changes each figure by what the correction says and nothing more, however often it arrives.
 */
class CorrectionsIntegrationTest extends DashboardIntegrationTest {

    private static final String SUMMARY = "/api/dashboard/summary";
    private static final String KALSEL = "/api/dashboard/regions/63";
    private static final String PAPUA = "/api/dashboard/regions/91";

    @Test
    void anOutputCorrectedFrom1450To1045PeopleReachedChangesPeopleReachedByExactlyThat() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        String programme = programme(world);
        Map<String, Long> before = read(SUMMARY + "#/outputs/reach", KALSEL + "#/outputs/reach",
                "/api/dashboard/regions/" + ProgrammeWorld.KERATON + "#/outputs/reach", SUMMARY + "#/outputs/count");

        send(world.outputCorrected(world.output1, 2, 1045));

        awaitNumber(programme, "/progress/peopleReached/actual", 1750 - 405);
        assertThat(changes(before).values()).as("reach of Indonesia, Kalimantan Selatan, Keraton; outputs counted")
                .containsExactly(-405L, -405L, -405L, 0L);
        JsonNode corrected = api.json(programme);
        assertThat(corrected.at("/outputs").toString()).isEqualTo("{\"count\":2,\"reach\":1345,\"byChannel\":{\"INSTAGRAM\":2}}");
        assertThat(corrected.at("/byRegion/0/peopleReached").asLong()).isEqualTo(1345);
        assertThat(corrected.at("/byRegion/0/children/0/peopleReached").asLong()).isEqualTo(1345);
        assertThat(api.json("/api/dashboard/kims/" + world.keraton).findValues("peopleReached"))
                .extracting(JsonNode::asLong).containsExactlyInAnyOrder(1045L, 300L);
        assertThat(csv(world)).anySatisfy(row -> assertThat(row).startsWith(world.output1 + ",").contains(",1045,"))
                .noneSatisfy(row -> assertThat(row).contains(",1450,"));
    }

    @Test
    void aWithdrawnOutputLeavesTheProgrammesOutputsPeopleReachedFunnelAndIndex() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        String programme = programme(world);
        String kim = "/api/dashboard/kims/" + world.keraton;
        Map<String, Long> before = read(SUMMARY + "#/outputs/count", SUMMARY + "#/outputs/reach",
                SUMMARY + "#/funnel/reported", kim + "#/index/components/outputs/count");

        send(world.outputWithdrawn(world.output2, 2));

        awaitNumber(programme, "/outputs/count", 1);
        assertThat(api.json(programme).at("/progress/outputs").toString()).isEqualTo("{\"actual\":1,\"target\":10,\"share\":0.1}");
        assertThat(number(programme, "/progress/peopleReached/actual")).isEqualTo(1450);
        assertThat(number(programme, "/funnel/reported")).as("KIM Keraton still has an output").isEqualTo(1);
        assertThat(number(kim, "/index/components/outputs/count")).isEqualTo(1);

        send(world.outputWithdrawn(world.output1, 2));

        awaitNumber(programme, "/outputs/count", 0);
        JsonNode none = api.json(programme);
        assertThat(none.at("/outputs").toString()).isEqualTo("{\"count\":0,\"reach\":0,\"byChannel\":{}}");
        assertThat(none.at("/progress/peopleReached/actual").asLong()).isZero();
        assertThat(none.at("/funnel/reported").asLong()).isZero();
        assertThat(none.at("/byRegion/0").toString()).contains("\"outputs\":0,\"peopleReached\":0");
        assertThat(changes(before).values()).as("national outputs, reach and KIMs reporting; the KIM's outputs in its index")
                .containsExactly(-2L, -1750L, -1L, -2L);
        assertThat(api.json(kim).at("/outputs")).isEmpty();
        assertThat(csv(world)).as("the header only: the export adds up to the figures").hasSize(1);
    }

    @Test
    void aProgrammesCorrectedTargetsAndTargetRegionsShowInItsProgress() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        String programme = programme(world);
        assertThat(number(programme, "/progress/peopleReached/target")).isEqualTo(5000);

        send(world.programmeUpdated(2, "Gerakan KIM Cegah Stunting 2027", List.of("63"),
                Map.of("trainings", 4, "kimsTrained", 2, "peopleReached", 3500)));

        await().atMost(ReportingApi.WAIT).until(() -> "Gerakan KIM Cegah Stunting 2027".equals(
                api.json(programme).at("/programme/title").asString()));
        JsonNode corrected = api.json(programme);
        assertThat(corrected.at("/progress").toString()).isEqualTo("{"
                + "\"trainingsPlanned\":{\"actual\":1,\"target\":4,\"share\":0.25},"
                + "\"trainingsCompleted\":{\"actual\":1,\"target\":4,\"share\":0.25},"
                + "\"kimsTrained\":{\"actual\":1,\"target\":2,\"share\":0.5},"
                + "\"outputs\":{\"actual\":2,\"target\":null,\"share\":null},"
                + "\"peopleReached\":{\"actual\":1750,\"target\":3500,\"share\":0.5}}");
        assertThat(corrected.at("/programme/targetRegions").findValuesAsString("code")).containsExactly("63");
        assertThat(corrected.at("/byRegion").findValuesAsString("code")).startsWith("63").doesNotContain("91");
        assertThat(corrected.at("/funnel/eligible").asLong()).as("the VERIFIED or ACTIVE KIMs of 63 only")
                .isEqualTo(api.eligible("63"));
        assertThat(api.json("/api/dashboard/programmes").toString()).contains("\"target\":3500,\"share\":0.5}");
    }

    @Test
    void aPartnerRenamedShowsItsNewName() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        String programme = programme(world);
        assertThat(api.json(programme).at("/trainings/0/partners/0/name").asString()).isEqualTo("Dinas Kesehatan Kabupaten Banjar");

        send(world.partnerRenamed(2, "Dinas Kesehatan Provinsi Kalimantan Selatan"));

        await().atMost(ReportingApi.WAIT).untilAsserted(() -> assertThat(api.json(programme).at("/trainings/0/partners").toString())
                .isEqualTo("[{\"id\":\"" + world.partner + "\",\"name\":\"Dinas Kesehatan Provinsi Kalimantan Selatan\","
                        + "\"type\":\"HEALTH_OFFICE\"}]"));
        assertThat(api.json(programme).at("/partners").toString())
                .contains("\"engaged\":1,").contains("\"HEALTH_OFFICE\":1,");
    }

    @Test
    void aTrainingWhoseVenueMovesToAnotherRegionMovesItsFiguresAndItsLocalTime() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        String programme = programme(world);
        Map<String, Long> before = read(KALSEL + "#/trainings/total", PAPUA + "#/trainings/total",
                KALSEL + "#/partners/engaged", PAPUA + "#/partners/engaged", KALSEL + "#/participants/enrolled");
        assertThat(api.json(programme).at("/trainings/0/start").toString())
                .isEqualTo("{\"local\":\"2026-12-10T09:00:00\",\"timeZone\":\"WITA\",\"utcOffset\":\"+08:00\","
                        + "\"instant\":\"2026-12-10T01:00:00Z\"}");

        send(world.trainingUpdated(ProgrammeWorld.TRAINING_VERSION + 1, ProgrammeWorld.GURABESI, 2, List.of("venue")));

        await().atMost(ReportingApi.WAIT).until(() -> ProgrammeWorld.GURABESI.equals(
                api.json(programme).at("/trainings/0/venue/code").asString()));
        assertThat(changes(before).values()).as("trainings and partners move; participants count where their KIM is")
                .containsExactly(-1L, 1L, -1L, 1L, 0L);
        JsonNode moved = api.json(programme);
        assertThat(moved.at("/byRegion").toString()).contains("{\"code\":\"63\"").contains("{\"code\":\"91\"");
        assertThat(moved.at("/byRegion/0/trainings").asLong()).isZero();
        assertThat(moved.at("/byRegion/1/trainings").asLong()).isEqualTo(1);
        assertThat(moved.at("/trainings/0/start").toString()).as("the same instant, read in Papua")
                .isEqualTo("{\"local\":\"2026-12-10T10:00:00\",\"timeZone\":\"WIT\",\"utcOffset\":\"+09:00\","
                        + "\"instant\":\"2026-12-10T01:00:00Z\"}");
        assertThat(api.json("/api/dashboard/kims/" + world.keraton).at("/trainings/0/end/timeZone").asString()).isEqualTo("WIT");
    }

    @Test
    void aCapacityRaisedWithPromotionsFromTheWaitlistChangesEnrolledAndWaitlisted() {
        ProgrammeWorld world = api.publishScheduled(new ProgrammeWorld());
        String programme = programme(world);
        Map<String, Long> before = read(PAPUA + "#/participants/enrolled", PAPUA + "#/participants/waitlisted");

        send(world.trainingUpdated(ProgrammeWorld.TRAINING_VERSION, ProgrammeWorld.KERATON, 3, List.of("capacity")));
        send(world.promoted(ProgrammeWorld.TRAINING_VERSION + 1));

        awaitNumber(programme, "/participants/waitlisted", 0);
        JsonNode raised = api.json(programme);
        assertThat(raised.at("/participants/enrolled").asLong()).isEqualTo(3);
        assertThat(raised.at("/trainings/0").toString()).contains("\"capacity\":3,\"enrolled\":3,\"waitlisted\":0,");
        assertThat(raised.at("/funnel/enrolled").asLong()).isEqualTo(3);
        assertThat(changes(before).values()).as("the promoted KIM lives in Papua").containsExactly(1L, -1L);
        assertThat(api.json("/api/dashboard/kims/" + world.gurabesi).at("/trainings/0/enrolment").asString()).isEqualTo("ENROLLED");
    }

    @Test
    void theSameCorrectionsTwiceOrAgainUnderAVersionAlreadyAppliedChangeNothing() {
        api.awaitNoRebuild();
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        List<ProducerRecord<String, byte[]>> corrections = corrections(world);
        TopicRecords.sendAll(bootstrap, corrections);
        api.awaitConsumed();
        figures.recompute();
        List<String> views = views(world);
        List<String> once = api.snapshot(views);
        Map<String, Object> revisions = revisions(world);

        TopicRecords.sendAll(bootstrap, corrections);
        send(world.outputCorrected(world.output1, 2, 9999));
        send(world.programmeUpdated(2, "Not applied", List.of("91"), Map.of("trainings", 1)));
        api.awaitConsumed();
        figures.recompute();

        assertThat(api.snapshot(views)).isEqualTo(once);
        assertThat(revisions(world)).as("no read-model document written again").isEqualTo(revisions);
        assertThat(number(programme(world), "/progress/peopleReached/actual")).isEqualTo(1045);
    }

    @Test
    void correctionsOfAggregatesNeverCreatedAreDeadLetteredAndAppliedWhenReplayedAfterTheirCreation() {
        api.awaitNoRebuild();
        ProgrammeWorld world = new ProgrammeWorld();
        List<ProducerRecord<String, byte[]>> corrections = corrections(world);
        TopicRecords.sendAll(bootstrap, corrections);

        List<Map<String, Object>> letters = corrections.stream()
                .map(record -> DeadLetterApi.awaitKept(http, record.key(), ReportingApi.WAIT)).toList();
        assertThat(letters).extracting(letter -> (String) letter.get("reason"))
                .allSatisfy(reason -> assertThat(reason).contains("has not seen").contains("created"))
                .anySatisfy(reason -> assertThat(reason).contains("outputs " + world.output1));
        assertThat(http.get(programme(world)).status()).as("not applied as if the programme were new").isEqualTo(404);

        api.publish(world);
        assertThat(number(programme(world), "/progress/peopleReached/actual")).as("the corrections wait").isEqualTo(1750);
        for (Map<String, Object> letter : letters) {
            Http.Response replayed = http.postJson("/api/admin/dead-letters/" + letter.get("id") + "/replay", "{}");
            assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        }

        awaitNumber(programme(world), "/progress/peopleReached/actual", 1045);
        assertThat(number(programme(world), "/outputs/count")).isEqualTo(1);
        assertThat(api.json(programme(world)).at("/trainings/0/partners/0/name").asString()).isEqualTo("Dinas Kesehatan Provinsi");
        Map<String, Object> revisions = revisions(world);
        Http.Response again = http.postJson("/api/admin/dead-letters/" + letters.getFirst().get("id") + "/replay", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(revisions(world)).as("replayed again, it changes nothing").isEqualTo(revisions);
    }

    @Test
    void replayingEveryEventTwiceAndARebuildGiveTheCorrectedFiguresAgain() {
        api.awaitNoRebuild();
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        TopicRecords.sendAll(bootstrap, corrections(world));
        send(world.promoted(ProgrammeWorld.TRAINING_VERSION + 2));
        awaitNumber(programme(world), "/participants/waitlisted", 0);
        api.awaitConsumed();
        List<String> views = views(world);
        figures.recompute();
        List<String> corrected = api.snapshot(views);
        List<String> csv = csv(world);
        assertThat(corrected).anySatisfy(view -> assertThat(view).contains("\"peopleReached\":{\"actual\":1045,"));

        assertThat(api.replayEverything()).isGreaterThan(world.records().size());
        figures.recompute();
        assertThat(api.snapshot(views)).as("every event applied twice").isEqualTo(corrected);

        assertThat(api.startRebuild().status()).isEqualTo(202);
        api.awaitRebuilt();
        figures.recompute();
        assertThat(api.snapshot(views)).as("rebuilt from the topics").isEqualTo(corrected);
        assertThat(csv(world)).isEqualTo(csv);
    }

    /** One correction of each kind: the title and targets, a name, the venue and capacity, a reach, a withdrawal. */
    private static List<ProducerRecord<String, byte[]>> corrections(ProgrammeWorld world) {
        return List.of(
                world.programmeUpdated(2, "Gerakan KIM Cegah Stunting 2027", List.of("63", "91"),
                        Map.of("trainings", 3, "kimsTrained", 4, "outputs", 10, "peopleReached", 4000)),
                world.partnerRenamed(2, "Dinas Kesehatan Provinsi"),
                world.trainingUpdated(ProgrammeWorld.TRAINING_VERSION + 1, ProgrammeWorld.GURABESI, 3,
                        List.of("venue", "capacity")),
                world.outputCorrected(world.output1, 2, 1045),
                world.outputWithdrawn(world.output2, 2));
    }

    private static List<String> views(ProgrammeWorld world) {
        return List.of(SUMMARY, KALSEL, PAPUA, "/api/dashboard/regions/" + ProgrammeWorld.KERATON,
                "/api/dashboard/regions/" + ProgrammeWorld.GURABESI, "/api/dashboard/programmes", programme(world),
                "/api/dashboard/kims/" + world.keraton, "/api/dashboard/kims/" + world.gurabesi);
    }

    /** The revision of each read-model document the corrections touch. */
    private Map<String, Object> revisions(ProgrammeWorld world) {
        return Map.of("programme", revision(ReadModelStore.PROGRAMMES, world.programme),
                "partner", revision(ReadModelStore.PARTNERS, world.partner),
                "training", revision(ReadModelStore.TRAININGS, world.training),
                "output1", revision(ReadModelStore.OUTPUTS, world.output1),
                "output2", revision(ReadModelStore.OUTPUTS, world.output2));
    }

    private Object revision(String collection, String id) {
        Document document = mongo.findById(id, Document.class, generations.current(collection));
        assertThat(document).as(collection + " " + id).isNotNull();
        return document.get(ReadModelStore.REVISION);
    }

    private void send(ProducerRecord<String, byte[]> record) {
        TopicRecords.send(bootstrap, record);
    }

    private long number(String path, String pointer) {
        return api.json(path).at(pointer).asLong();
    }

    /** Figures ({@code path#pointer}) as they stand, to tell afterwards by how much each changed. */
    private Map<String, Long> read(String... figures) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String figure : figures) {
            values.put(figure, number(figure));
        }
        return values;
    }

    /** By how much each of the figures read {@code before} changed since. */
    private Map<String, Long> changes(Map<String, Long> before) {
        Map<String, Long> changes = new LinkedHashMap<>();
        before.forEach((figure, value) -> changes.put(figure, number(figure) - value));
        return changes;
    }

    private long number(String figure) {
        int pointer = figure.indexOf('#');
        return number(figure.substring(0, pointer), figure.substring(pointer + 1));
    }

    private void awaitNumber(String path, String pointer, long expected) {
        await().atMost(ReportingApi.WAIT).untilAsserted(() -> assertThat(number(path, pointer)).as(path + pointer).isEqualTo(expected));
    }

    private List<String> csv(ProgrammeWorld world) {
        Http.Response response = http.get("/api/exports/programmes/" + world.programme + "/outputs.csv");
        assertThat(response.status()).isEqualTo(200);
        return response.body().lines().toList();
    }

    private static String programme(ProgrammeWorld world) {
        return "/api/dashboard/programmes/" + world.programme;
    }
}
