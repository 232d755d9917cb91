package id.simpul.reporting.dashboard;

import id.simpul.contracts.Topics;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** reporting-service's API and topics as the integration tests use them. */
final class ReportingApi {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http http;
    private final String bootstrap;

    ReportingApi(Http http, String bootstrap) {
        this.http = http;
        this.bootstrap = bootstrap;
    }

    /** Publishes a world and waits until the figures show all of it. */
    ProgrammeWorld publish(ProgrammeWorld world) {
        return publish(world, world.records(), "COMPLETED");
    }

    /** Publishes a world whose training is still scheduled and waits until the figures show all of it. */
    ProgrammeWorld publishScheduled(ProgrammeWorld world) {
        return publish(world, world.scheduled(), "SCHEDULED");
    }

    private ProgrammeWorld publish(ProgrammeWorld world, List<ProducerRecord<String, byte[]>> records, String status) {
        TopicRecords.sendAll(bootstrap, records);
        await().atMost(WAIT).untilAsserted(() -> {
            Http.Response programme = http.get("/api/dashboard/programmes/" + world.programme);
            assertThat(programme.status()).isEqualTo(200);
            assertThat(programme.body()).contains("\"outputs\":{\"count\":2,").contains("\"status\":\"" + status + "\"")
                    .contains("\"waitlisted\":1,");
        });
        return world;
    }

    JsonNode json(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The answers of {@code paths} without the moment they were computed. */
    List<String> snapshot(List<String> paths) {
        return paths.stream().map(path -> {
            JsonNode node = json(path);
            strip(node);
            return path + " " + node;
        }).toList();
    }

    /** VERIFIED and ACTIVE KIMs of a region: those a programme targeting it invites. */
    long eligible(String region) {
        JsonNode figures = json("/api/dashboard/regions/" + region);
        return figures.at("/kims/byStatus/VERIFIED").asLong() + figures.at("/kims/byStatus/ACTIVE").asLong();
    }

    /** Waits while a rebuild runs (one starts by itself when the test database is new but the topics are not). */
    void awaitNoRebuild() {
        await().atMost(WAIT).until(() -> http.get("/api/admin/projections").<Object>json("$.building") == null);
    }

    Http.Response startRebuild() {
        return http.send(HttpRequest.newBuilder(http.uri("/api/admin/projections/rebuild"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    void awaitRebuilt() {
        await().atMost(WAIT).until(() -> "DONE".equals(http.get("/api/admin/projections").json("$.rebuild.state")));
    }

    /** Sends every record of every topic again and waits until reporting consumed them; how many were sent. */
    int replayEverything() {
        List<ProducerRecord<String, byte[]>> everything = new ArrayList<>();
        for (String topic : Topics.all()) {
            for (ConsumerRecord<String, String> record : TopicRecords.read(bootstrap, topic, r -> true, 0, Duration.ofSeconds(5))) {
                everything.add(TopicRecords.again(record));
            }
        }
        TopicRecords.sendAll(bootstrap, everything);
        awaitConsumed();
        return everything.size();
    }

    /** Waits until reporting consumed everything on every topic so far. */
    void awaitConsumed() {
        Topics.all().forEach(topic -> TopicRecords.awaitConsumed(bootstrap, "simpul-reporting", topic, WAIT));
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("updatedAt");
        }
        node.forEach(ReportingApi::strip);
    }
}
