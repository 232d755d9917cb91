package id.simpul.registry.kim;

import id.simpul.contracts.CloudEventHeaders;
import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KimApiIntegrationTest extends KimApiTestBase {

    @Test
    void registeringAKimAnswers201WithItsLocationAndTheWholeProfile() {
        String name = KimApi.uniqueName("KIM Sungai Paring");
        Http.Response created = api.register("""
                {"name": "  %s ", "villageCode": "63.03.05.1005", "address": "Jl. Sungai Paring No. 3",
                 "foundedOn": "2021-01-11", "memberCount": 18,
                 "decree": {"number": "12/SK/2021", "date": "2021-01-11", "issuer": "Lurah Sungai Paring"},
                 "officers": {"chair": "Siti Rahmah", "secretary": "Budi", "treasurer": "Nur",
                              "sectionHeads": [{"section": "Seksi Konten", "name": "Rina"}]},
                 "contact": {"phone": "+62 812-5000-1000", "email": "kim.sp@example.id"},
                 "mediaChannels": [{"type": "INSTAGRAM", "address": "@kimsp", "followers": 300}],
                 "focusAreas": ["HEALTH", "UMKM"], "kimIdNumber": "KIM-6303-9001"}""".formatted(name.replace(" ", "   ")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat(created.header("Location")).hasValue(api.http.uri("/api/kims/" + id).toString());
        assertThat(created.header("ETag")).hasValue("\"1\"");
        assertThat((String) created.json("$.name")).isEqualTo(name);
        assertThat((String) created.json("$.status")).isEqualTo("SUBMITTED");
        assertThat((List<String>) created.json("$.allowedTransitions")).containsExactly("VERIFIED", "REJECTED", "DISSOLVED");
        assertThat((Map<String, String>) created.json("$.place")).containsEntry("village", "Sungai Paring")
                .containsEntry("district", "Martapura").containsEntry("regency", "Kabupaten Banjar")
                .containsEntry("province", "Kalimantan Selatan").containsEntry("timeZone", "WITA");
        assertThat((String) created.json("$.officers.sectionHeads[0].section")).isEqualTo("Seksi Konten");
        assertThat((List<String>) created.json("$.focusAreas")).containsExactly("UMKM", "HEALTH");
        assertThat((String) created.json("$.history[0].to")).isEqualTo("SUBMITTED");

        Http.Response read = api.get(id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void theKimRegisteredEventMatchesItsPublishedSchemaAndLeavesPersonalDataOut() {
        String id = api.registerValid("KIM Kuala Tambangan", "63.01.01.2003");

        List<ConsumerRecord<String, String>> records =
                TopicRecords.read(bootstrap, Topics.KIMS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));

        ConsumerRecord<String, String> record = records.getFirst();
        assertThat(EventSchemas.validate(EventTypes.KIM_REGISTERED, record.value())).isEmpty();
        assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.KIM_REGISTERED);
        assertThat(TopicRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/simpul/registry-service");
        assertThat(TopicRecords.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(record.value()).contains("\"kimId\":\"" + id + "\"", "\"version\":1", "\"focusAreas\":[\"UMKM\",\"HEALTH\"]")
                .doesNotContain("officers", "contact", "decree");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no name              | {"villageCode": "63.03.05.1001"}                                     | name                | must not be blank
            no village           | {"name": "KIM A"}                                                     | villageCode         | must not be blank
            district not village | {"name": "KIM A", "villageCode": "63.03.05"}                          | villageCode         | must be a village/kelurahan code PP.RR.DD.VVVV, for example 63.03.05.1001
            zero members         | {"name": "KIM A", "villageCode": "63.03.05.1001", "memberCount": 0}   | memberCount         | must be greater than or equal to 1
            bad email            | {"name": "KIM A", "villageCode": "63.03.05.1001", "contact": {"email": "kim@"}} | contact.email | must be a well-formed email address
            bad phone            | {"name": "KIM A", "villageCode": "63.03.05.1001", "contact": {"phone": "call me"}} | contact.phone | must be a phone number like +62 812-3456-7890
            founded in future    | {"name": "KIM A", "villageCode": "63.03.05.1001", "foundedOn": "2999-01-01"} | foundedOn     | must be a date in the past or in the present
            media without address | {"name": "KIM A", "villageCode": "63.03.05.1001", "mediaChannels": [{"type": "RADIO"}]} | mediaChannels[0].address | must not be blank
            negative followers   | {"name": "KIM A", "villageCode": "63.03.05.1001", "mediaChannels": [{"type": "RADIO", "address": "98 FM", "followers": -1}]} | mediaChannels[0].followers | must be greater than or equal to 0
            unknown focus area   | {"name": "KIM A", "villageCode": "63.03.05.1001", "focusAreas": ["GARDENING"]} | focusAreas[0] | must be one of UMKM, TOURISM, AGRICULTURE, FISHERIES, HEALTH, EDUCATION, LITERACY, CULTURE, ENVIRONMENT, PUBLIC_SERVICES, DIGITAL_ECONOMY, OTHER
            date not a date      | {"name": "KIM A", "villageCode": "63.03.05.1001", "decree": {"date": "11/01/2021"}} | decree.date | must be a date like 2024-03-12
            members not a number | {"name": "KIM A", "villageCode": "63.03.05.1001", "memberCount": "many"} | memberCount | must be a whole number
            """)
    void anInvalidKimIsRefusedFieldByField(String caseName, String body, String field, String message) {
        Http.Response response = api.register(body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat((List<Map<String, String>>) response.json("$.errors")).contains(Map.of("field", field, "message", message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blank name             | {"name": "  \\u3000 ", "villageCode": "63.03.05.1001"}                      | name             | must not be blank: it holds only white space or invisible characters
            only invisible name    | {"name": "\\u200b\\u2060", "villageCode": "63.03.05.1001"}                 | name             | must not be blank: it holds only white space or invisible characters
            NUL in the name        | {"name": "KIM A\\u0000B", "villageCode": "63.03.05.1001"}                    | name             | contains the control character U+0000
            escape in the address  | {"name": "KIM A", "villageCode": "63.03.05.1001", "address": "Jl. \\u001b[31m"} | address       | contains the control character U+001B
            right-to-left override | {"name": "KIM \\u202eA", "villageCode": "63.03.05.1001"}                    | name             | contains a bidirectional override or isolate (U+202E), which can make text read differently from what it holds
            lone surrogate         | {"name": "KIM \\ud800", "villageCode": "63.03.05.1001"}                     | name             | contains an unpaired surrogate (U+D800), which is not valid Unicode text
            in a section head      | {"name": "KIM A", "villageCode": "63.03.05.1001", "officers": {"sectionHeads": [{"section": "Humas", "name": "\\u0007"}]}} | officers.sectionHeads[0].name | contains the control character U+0007
            """)
    void textThatIsNotAcceptedIsRefusedNamingTheField(String caseName, String body, String field, String message) {
        Http.Response response = api.register(body);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat((List<Map<String, String>>) response.json("$.errors")).containsExactly(Map.of("field", field, "message", message));
    }

    @Test
    void aNameWithInvisibleCharactersIsTheSameNameForTheDuplicateCheck() {
        String plain = api.register("""
                {"name": "KIM Tanjung Rema", "villageCode": "63.01.01.2003", "memberCount": 20}""").json("$.id");

        Http.Response hidden = api.register("""
                {"name": "K\\u200bIM Tanjung\\u2060 Rema\\ufeff", "villageCode": "63.01.01.2003", "memberCount": 20}""");

        assertThat(hidden.status()).as(hidden.body()).isEqualTo(409);
        assertThat((String) hidden.json("$.existingKim.id")).isEqualTo(plain);
    }

    @Test
    void textIsKeptInNormalFormWithoutInvisibleCharacters() {
        Http.Response created = api.register("""
                {"name": "\\u00a0KIM Cafe\\u0301 Ru\\u200bmah ", "villageCode": "63.01.01.2004", "memberCount": 20}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat((String) created.json("$.name")).isEqualTo("KIM Caf\u00e9 Rumah");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Http.Response response = api.register("{\"name\": \"" + "x".repeat(201) + "\", \"villageCode\": \"6303\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat((List<String>) response.json("$.errors[*].field")).containsExactly("name", "villageCode");
        assertThat((String) response.json("$.detail")).startsWith("name: ").endsWith(" (and 1 more problem)");
    }

    @Test
    void aVillageCodeMustNameARealVillage() {
        Http.Response response = api.register(KimApi.validBody("KIM Atlantis", "63.03.05.9999"));

        assertThat(response.status()).isEqualTo(422);
        assertThat((String) response.json("$.errors[0].field")).isEqualTo("villageCode");
        assertThat((String) response.json("$.errors[0].message")).contains("63.03.05.9999 is not a village or kelurahan");
    }

    @Test
    void malformedJsonIsAProblem() {
        Http.Response response = api.register("{\"name\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat((String) response.json("$.type")).isEqualTo("https://simpul.id/problems/unreadable-body");
    }

    @Test
    void anUnknownKimIs404AndAMalformedId400() {
        Http.Response unknown = api.get("3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37");
        Http.Response malformed = api.get("not-a-uuid");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat((String) unknown.json("$.title")).isEqualTo("Not found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) malformed.json("$.errors[0].message")).startsWith("must be a KIM id, a UUID");
    }

    @Test
    void healthReportsKafkaAndMongo() {
        Http.Response health = api.http.get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat((String) health.json("$.components.kafka.status")).isEqualTo("UP");
        assertThat((String) health.json("$.components.mongo.status")).isEqualTo("UP");
    }

    @Test
    void metricsOpenApiAndSwaggerUiAreServed() {
        Http.Response prometheus = api.http.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("simpul_outbox_published_total", "http_server_requests");

        Http.Response openApi = api.http.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat((Map<String, Object>) openApi.json("$.paths")).containsKeys("/api/kims", "/api/kims/{id}",
                "/api/kims/{id}/status");

        assertThat(api.http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
