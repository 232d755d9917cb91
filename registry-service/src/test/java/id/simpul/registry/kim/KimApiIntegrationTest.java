package id.simpul.registry.kim;

import id.simpul.contracts.CloudEventHeaders;
import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class KimApiIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    Http http;

    @BeforeEach
    void client() {
        http = Http.local(port);
    }

    @Test
    void registeringAKimAnswers201WithItsLocationAndStoresIt() {
        Http.Response created = http.postJson("/api/kims", """
                {"name": "  KIM Martapura Bersinar ", "villageCode": "63.03.05.1001"}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(created.header("Location")).hasValue(http.uri("/api/kims/" + id).toString());
        assertThat(created.header("ETag")).hasValue("\"1\"");
        assertThat((Map<String, Object>) created.json("$")).containsEntry("name", "KIM Martapura Bersinar")
                .containsEntry("villageCode", "63.03.05.1001").containsEntry("status", "SUBMITTED").containsEntry("version", 1);

        Http.Response read = http.get("/api/kims/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void theKimRegisteredEventMatchesItsPublishedSchemaAndCarriesCloudEventHeaders() {
        String id = http.postJson("/api/kims", """
                {"name": "KIM Pelaihari Kreatif", "villageCode": "63.01.01.1001"}""").json("$.id");

        List<ConsumerRecord<String, String>> records =
                TopicRecords.read(bootstrap, Topics.KIMS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.getFirst();
        assertThat(EventSchemas.validate(EventTypes.KIM_REGISTERED, record.value())).isEmpty();
        assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.KIM_REGISTERED);
        assertThat(TopicRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/simpul/registry-service");
        assertThat(TopicRecords.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TopicRecords.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(record.value()).contains("\"kimId\":\"" + id + "\"", "\"version\":1", "\"villageCode\":\"63.01.01.1001\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name            | {"villageCode": "63.03.05.1001"}                 | name        | must not be blank
            blank name         | {"name": "  ", "villageCode": "63.03.05.1001"}   | name        | must not be blank
            no village         | {"name": "KIM A"}                                 | villageCode | must not be blank
            district not village | {"name": "KIM A", "villageCode": "63.03.05"}    | villageCode | must be a village/kelurahan code PP.RR.DD.VVVV, for example 63.03.05.1001
            letters in code    | {"name": "KIM A", "villageCode": "63.03.05.10a1"} | villageCode | must be a village/kelurahan code PP.RR.DD.VVVV, for example 63.03.05.1001
            """)
    void anInvalidKimIsRefusedFieldByField(String caseName, String body, String field, String message) {
        Http.Response response = http.postJson("/api/kims", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat((List<Map<String, String>>) response.json("$.errors"))
                .contains(Map.of("field", field, "message", message));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Http.Response response = http.postJson("/api/kims", "{\"name\": \"" + "x".repeat(201) + "\", \"villageCode\": \"6303\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat((List<String>) response.json("$.errors[*].field")).containsExactly("name", "villageCode");
        assertThat((String) response.json("$.detail")).isEqualTo("2 fields are invalid.");
    }

    @Test
    void malformedJsonIsAProblem() {
        Http.Response response = http.postJson("/api/kims", "{\"name\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat((String) response.json("$.type")).isEqualTo("https://simpul.id/problems/unreadable-body");
    }

    @Test
    void anUnknownKimIs404() {
        Http.Response unknown = http.get("/api/kims/3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37");
        Http.Response malformed = http.get("/api/kims/not-a-uuid");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat((String) unknown.json("$.title")).isEqualTo("KIM not found");
        assertThat(malformed.status()).isEqualTo(404);
    }

    @Test
    void healthReportsKafkaAndMongo() {
        Http.Response health = http.get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat((String) health.json("$.components.kafka.status")).isEqualTo("UP");
        assertThat((String) health.json("$.components.mongo.status")).isEqualTo("UP");
    }

    @Test
    void metricsOpenApiAndSwaggerUiAreServed() {
        Http.Response prometheus = http.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("simpul_outbox_published_total", "http_server_requests");

        Http.Response openApi = http.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat((Map<String, Object>) openApi.json("$.paths")).containsKeys("/api/kims", "/api/kims/{id}");

        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
