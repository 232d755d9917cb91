package id.simpul.reporting.dashboard;

import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** reporting-service on real Kafka and a Mongo-wire server: events in, figures out. */
class ReportingIntegrationTest extends DashboardIntegrationTest {

    private static final Duration WAIT = ReportingApi.WAIT;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DashboardStream stream;
    @Autowired
    MeterRegistry meters;

    @Test
    void everyEventOfAProgrammeShowsInItsFigures() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());

        JsonNode programme = api.json("/api/dashboard/programmes/" + world.programme);
        assertThat(programme.at("/progress/trainingsPlanned/actual").asLong()).isEqualTo(1);
        assertThat(programme.at("/progress/trainingsCompleted/share").asDouble()).isEqualTo(0.5);
        assertThat(programme.at("/progress/kimsTrained/actual").asLong()).isEqualTo(1);
        assertThat(programme.at("/progress/outputs/actual").asLong()).isEqualTo(2);
        assertThat(programme.at("/progress/peopleReached").toString()).isEqualTo("{\"actual\":1750,\"target\":5000,\"share\":0.35}");
        assertThat(programme.at("/participants").toString())
                .isEqualTo("{\"enrolled\":2,\"waitlisted\":1,\"withdrawn\":0,\"attended\":1,\"attendanceRate\":0.5}");
        assertThat(programme.at("/partners/engaged").asLong()).isEqualTo(1);
        assertThat(programme.at("/partners/byType/HEALTH_OFFICE").asLong()).isEqualTo(1);
        assertThat(programme.at("/funnel").toString()).endsWith("\"enrolled\":2,\"attended\":1,\"reported\":1}");
        assertThat(programme.at("/funnel/eligible").asLong()).as("every VERIFIED or ACTIVE KIM in the target regions")
                .isEqualTo(api.eligible("63") + api.eligible("91"));
        assertThat(programme.at("/trainings/0/status").asString()).isEqualTo("COMPLETED");
        assertThat(programme.at("/trainings/0/venue/name").asString()).isEqualTo("Keraton");
        assertThat(programme.at("/byRegion/0/region/code").asString()).isEqualTo("63");
        assertThat(programme.at("/byRegion/0/children/0/region/code").asString()).isEqualTo("63.03");
        assertThat(programme.at("/byRegion/1").toString()).contains("\"trainings\":0,\"kimsTrained\":0,\"outputs\":0");

        JsonNode keraton = api.json("/api/dashboard/kims/" + world.keraton);
        assertThat(keraton.at("/index/components/trainings/count").asInt()).isEqualTo(1);
        assertThat(keraton.at("/index/components/outputs/count").asInt()).isEqualTo(2);
        assertThat(keraton.at("/trainings/0/attended").asBoolean()).isTrue();
        assertThat(keraton.at("/outputs")).hasSize(2);
        assertThat(keraton.at("/kim/path/2/name").asString()).isEqualTo("Martapura");
    }

    @Test
    void figuresKeptUpInMemoryFromTheEventsEqualThoseReadAfreshFromTheDatabase() {
        long fromMemory = meters.timer("simpul.reporting.figures.compute").count();
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        List<String> views = List.of("/api/dashboard/summary", "/api/dashboard/regions/63.03.05",
                "/api/dashboard/programmes/" + world.programme, "/api/dashboard/kims/" + world.keraton);
        List<String> kept = api.snapshot(views);
        assertThat(meters.timer("simpul.reporting.figures.compute").count())
                .as("figures computed from the rows held in memory").isGreaterThan(fromMemory);

        figures.recompute();

        assertThat(api.snapshot(views)).isEqualTo(kept);
    }

    @Test
    void replayingEveryEventTwiceChangesNoFigure() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        List<String> views = List.of("/api/dashboard/summary", "/api/dashboard/regions/63", "/api/dashboard/regions/63.03.05",
                "/api/dashboard/regions/" + ProgrammeWorld.KERATON, "/api/dashboard/programmes",
                "/api/dashboard/programmes/" + world.programme, "/api/dashboard/kims/" + world.keraton);
        List<String> before = api.snapshot(views);

        assertThat(api.replayEverything()).isGreaterThanOrEqualTo(world.records().size());
        figures.recompute();

        assertThat(api.snapshot(views)).isEqualTo(before);
    }

    @Test
    void aRebuildServesTheOldFiguresMeanwhileAndEndsWithIdenticalOnes() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        List<String> views = List.of("/api/dashboard/summary", "/api/dashboard/regions/91",
                "/api/dashboard/programmes/" + world.programme, "/api/dashboard/kims/" + world.keraton);
        List<String> before = api.snapshot(views);
        api.awaitNoRebuild();
        int generation = generations.state().current();

        Http.Response started = api.startRebuild();
        assertThat(started.status()).isEqualTo(202);
        assertThat((String) started.json("$.state")).isEqualTo("RUNNING");
        assertThat((Integer) started.json("$.generation")).isEqualTo(generation + 1);
        assertThat(api.snapshot(views)).as("the old figures stay served").isEqualTo(before);
        Http.Response second = api.startRebuild();
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("rebuild-running");

        api.awaitRebuilt();
        assertThat((Integer) http.get("/api/admin/projections").json("$.generation")).isEqualTo(generation + 1);
        assertThat(generations.state().building()).isNull();
        figures.recompute();
        assertThat(api.snapshot(views)).as("rebuilt from the topics").isEqualTo(before);
    }

    @Test
    void anEventAppliedWhileARebuildRunsIsInTheRebuiltFigures() {
        api.awaitNoRebuild();
        assertThat(api.startRebuild().status()).isEqualTo(202);
        ProgrammeWorld world = new ProgrammeWorld();
        TopicRecords.sendAll(bootstrap, world.records());

        api.awaitRebuilt();
        await().atMost(WAIT).until(() -> http.get("/api/dashboard/programmes/" + world.programme).status() == 200
                && ((Number) http.get("/api/dashboard/programmes/" + world.programme).json("$.outputs.count")).intValue() == 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get("/api/dashboard/kims/" + world.gurabesi).body())
                .contains("\"enrolment\":\"WAITLISTED\""));
    }

    @Test
    void aWipedReportingDatabaseIsRebuiltFromTheTopicsByItself() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());
        List<String> views = List.of("/api/dashboard/summary", "/api/dashboard/programmes/" + world.programme);
        api.awaitNoRebuild();
        List<String> before = api.snapshot(views);

        // Every read model and the generations go; the dead letters, with what operators replayed from them, are
        // the service's own records (not rebuilt from the topics), so they stay, as they would in a restored backup.
        mongo.getCollectionNames().stream().filter(name -> !name.equals("dead_letters")).forEach(mongo::dropCollection);

        await().atMost(WAIT).untilAsserted(() -> {
            figures.recompute();
            assertThat(api.snapshot(views)).isEqualTo(before);
        });
        assertThat((String) http.get("/api/admin/projections").json("$.rebuild.state")).isIn("RUNNING", "DONE");
    }

    @Test
    void anEventForARegionTheDatasetDoesNotKnowIsDeadLetteredAndTheConsumerGoesOn() {
        String lost = ProgrammeWorld.id();
        String next = TopicRecords.keyOnPartitionOf(lost, Topics.PARTITIONS);
        TopicRecords.sendAll(bootstrap, List.of(
                ProgrammeWorld.event(Topics.KIMS, EventTypes.KIM_REGISTERED, lost, Map.of("kimId", lost, "villageCode", "99.99.99.9999")),
                ProgrammeWorld.event(Topics.KIMS, EventTypes.KIM_REGISTERED, next, Map.of("kimId", next))));

        List<ConsumerRecord<String, String>> dead = TopicRecords.read(bootstrap, "simpul.reporting.dlq", r -> lost.equals(r.key()), 1, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(TopicRecords.header(dead.getFirst(), "x-dead-letter-reason")).contains("99.99.99.9999");
        await().atMost(WAIT).until(() -> http.get("/api/dashboard/kims/" + next).status() == 200);
        assertThat(http.get("/api/dashboard/kims/" + lost).status()).isEqualTo(404);
    }

    @Test
    void theStreamSendsTheFiguresOnConnectingAndWheneverTheyChange() throws Exception {
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        HttpResponse<InputStream> events = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/dashboard/stream")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && DashboardStream.EVENT.equals(event)) {
                        messages.add(JSON.readTree(line.substring(5)));
                    }
                }
                ended.countDown();
            } catch (Exception closed) {
                // the test ends the stream
            }
        });
        try {
            JsonNode first = messages.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("a message on connecting").isNotNull();
            long total = first.at("/summary/kims/total").asLong();

            String kim = ProgrammeWorld.id();
            TopicRecords.send(bootstrap, ProgrammeWorld.event(Topics.KIMS, EventTypes.KIM_REGISTERED, kim, Map.of("kimId", kim)));

            JsonNode changed;
            do {
                changed = messages.poll(30, TimeUnit.SECONDS);
                assertThat(changed).as("a message after the KIM was registered").isNotNull();
            } while (changed.at("/summary/kims/total").asLong() == total);
            assertThat(changed.at("/summary/kims/total").asLong()).isEqualTo(total + 1);
            assertThat(changed.at("/sequence").asLong()).isGreaterThan(first.at("/sequence").asLong());

            stream.stop();
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("open streams end when the service stops, before its graceful shutdown").isTrue();
        } finally {
            stream.start();
            events.body().close();
            reader.interrupt();
        }
    }

    @Test
    void theRegionTableAndAProgrammesOutputsExportAsCsv() {
        ProgrammeWorld world = api.publish(new ProgrammeWorld());

        Http.Response regions = http.get("/api/exports/regions.csv?parent=63.03");
        assertThat(regions.status()).isEqualTo(200);
        assertThat(regions.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(regions.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("simpul-regions-63.03.csv"));
        List<String> rows = regions.body().lines().toList();
        assertThat(rows.getFirst()).startsWith("code,name,level,kims,kims_active,districts_covered");
        long martapuraKims = ((Number) http.get("/api/dashboard/regions/63.03.05").json("$.kims.total")).longValue();
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("63.03.05,Martapura,DISTRICT," + martapuraKims + ","));
        assertThat(rows).hasSize(1 + ((Number) http.get("/api/dashboard/regions/63.03").json("$.children.length()")).intValue());

        Http.Response outputs = http.get("/api/exports/programmes/" + world.programme + "/outputs.csv");
        assertThat(outputs.status()).isEqualTo(200);
        assertThat(outputs.body().lines()).hasSize(3)
                .anySatisfy(row -> assertThat(row).startsWith(world.output1 + ",2026-12-12," + world.keraton + ",KIM Keraton ")
                        .contains(",63.03.05.1001,Keraton,Martapura,Kabupaten Banjar,Kalimantan Selatan,INSTAGRAM,")
                        .contains(",1450," + world.training + ","));
    }

    @Test
    void unknownAndMalformedIdsAndCodesAreClearProblems() {
        assertThat(http.get("/api/dashboard/regions/99").status()).isEqualTo(404);
        Http.Response malformed = http.get("/api/dashboard/regions/63-03");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat((String) malformed.json("$.errors[0].field")).isEqualTo("code");
        assertThat(http.get("/api/dashboard/programmes/" + ProgrammeWorld.id()).status()).isEqualTo(404);
        assertThat((String) http.get("/api/dashboard/kims/not-an-id").json("$.errors[0].field")).isEqualTo("id");
        assertThat(http.get("/api/exports/programmes/" + ProgrammeWorld.id() + "/outputs.csv").status()).isEqualTo(404);
        assertThat(http.get("/api/exports/regions.csv?parent=9").status()).isEqualTo(400);
    }
}
