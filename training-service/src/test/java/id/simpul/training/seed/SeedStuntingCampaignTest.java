package id.simpul.training.seed;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.training.support.RegistryEvents;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@TestPropertySource(properties = "simpul.seed.training=true")
class SeedStuntingCampaignTest {

    private static final Map<String, String> SEED_KIMS = Map.of(
            "banjar-keraton", "63.03.05.1001", "banjar-sekumpul", "63.03.05.1059", "banjar-sungai-paring", "63.03.05.1005",
            "banjar-kiram", "63.03.06.2001", "tanahlaut-takisung", "63.01.01.2004", "tanahlaut-tabanio", "63.01.01.2002",
            "banjarmasin-kuripan", "63.71.02.1001", "jayapura-gurabesi", "91.71.01.1001");

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    SeedStuntingCampaign seed;
    @Autowired
    MongoOperations mongo;

    @Test
    void theCampaignIsLoadedOnceTheSeedKimsArriveAndOnlyOnce() {
        SEED_KIMS.forEach((key, village) -> RegistryEvents.kim(bootstrap, SeedStuntingCampaign.kimId(key), "KIM " + key, village, "ACTIVE"));

        await().atMost(Duration.ofSeconds(90)).until(() -> mongo.findById("stunting-campaign-2026", Document.class, "seed_runs") != null);
        long trainings = mongo.count(new Query(), "trainings");
        seed.start();

        Http http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
        List<Map<String, Object>> list = http.get("/api/trainings?size=10").json("$.items");
        assertThat(list).extracting(t -> t.get("status")).containsExactlyInAnyOrder("COMPLETED", "SCHEDULED");
        Map<String, Object> martapura = list.stream().filter(t -> "COMPLETED".equals(t.get("status"))).findFirst().orElseThrow();
        assertThat(((Map<String, Object>) martapura.get("start")).get("timeZone")).isEqualTo("WITA");
        assertThat(((List<Map<String, Object>>) martapura.get("enrolments")).stream().filter(e -> Boolean.TRUE.equals(e.get("attended"))))
                .hasSize(5).allSatisfy(e -> assertThat(e.get("certificateCode")).isNotNull());
        Map<String, Object> jayapura = list.stream().filter(t -> "SCHEDULED".equals(t.get("status"))).findFirst().orElseThrow();
        assertThat(((Map<String, Object>) jayapura.get("start")).get("timeZone")).isEqualTo("WIT");
        // The completed training took place in the past, in working hours at the venue; the scheduled one lies ahead.
        Map<String, Object> start = (Map<String, Object>) martapura.get("start");
        assertThat(java.time.Instant.parse((String) ((Map<String, Object>) martapura.get("end")).get("instant"))).isBefore(java.time.Instant.now());
        assertThat(java.time.LocalDateTime.parse((String) start.get("local")).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        assertThat(java.time.LocalDateTime.parse((String) ((Map<String, Object>) martapura.get("end")).get("local")).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(14, 0));
        Map<String, Object> jayapuraStart = (Map<String, Object>) jayapura.get("start");
        assertThat(java.time.Instant.parse((String) jayapuraStart.get("instant"))).isAfter(java.time.Instant.now());
        assertThat(java.time.LocalDateTime.parse((String) jayapuraStart.get("local")).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0));
        String programme = (String) martapura.get("programmeId");
        java.time.LocalDate trainingDay = java.time.LocalDateTime.parse((String) start.get("local")).toLocalDate();
        List<String> published = http.get("/api/programmes/" + programme + "/outputs").json("$.items[*].publishedOn");
        assertThat(published).hasSize(4).allSatisfy(d -> assertThat(java.time.LocalDate.parse(d))
                .isBetween(trainingDay, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar"))));
        assertThat((Integer) http.get("/api/programmes/" + programme).json("$.progress.outputs.actual")).isEqualTo(4);
        assertThat(mongo.count(new Query(), "trainings")).as("a second start adds nothing").isEqualTo(trainings);
        String martapuraId = (String) martapura.get("id");
        var drafted = id.simpul.testinfra.TopicRecords.read(bootstrap, id.simpul.contracts.Topics.TRAININGS,
                r -> martapuraId.equals(r.key()), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(id.simpul.testinfra.TopicRecords.header(drafted, "ce_actorid")).as("Simpul itself loaded it").isEqualTo("simpul:seed");
    }
}
