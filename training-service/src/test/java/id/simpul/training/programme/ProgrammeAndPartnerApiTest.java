package id.simpul.training.programme;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.TopicRecords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import id.simpul.training.common.RegionPaths;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProgrammeAndPartnerApiTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    MongoOperations mongo;
    Http http;

    @BeforeEach
    void client() {
        http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
    }

    @Test
    void aProgrammeIsCreatedWithItsTargetsAndPublished() {
        Http.Response created = http.postJson("/api/programmes", """
                {"title": "Literasi Digital Pemilu", "theme": "elections", "organiser": {"level": "REGION", "regionCode": "63.03",
                 "name": "Diskominfo Kabupaten Banjar"}, "period": {"start": "2027-01-01", "end": "2027-03-31"},
                 "targetRegions": ["63.03", "63.01"], "targets": {"trainings": 3, "outputs": 30}}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat((String) created.json("$.theme")).isEqualTo("ELECTIONS");
        assertThat((List<String>) created.json("$.targetRegions")).containsExactly("63.01", "63.03");
        assertThat((Map<String, Object>) created.json("$.progress.outputs")).containsEntry("actual", 0).containsEntry("target", 30);
        String id = created.json("$.id");
        var records = TopicRecords.read(bootstrap, Topics.PROGRAMMES, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(EventSchemas.validate(EventTypes.PROGRAMME_CREATED, records.getFirst().value())).isEmpty();
        assertThat(http.get("/api/programmes?theme=ELECTIONS").<List<String>>json("$.items[*].id")).contains(id);
    }

    @Test
    void invalidProgrammesAreRefusedFieldByField() {
        Http.Response missing = http.postJson("/api/programmes", "{\"theme\": \"!\"}");
        Http.Response rules = http.postJson("/api/programmes", """
                {"title": "X", "theme": "STUNTING", "organiser": {"level": "REGION", "name": "Diskominfo"},
                 "period": {"start": "2027-03-01", "end": "2027-01-01"}, "targetRegions": ["99"]}""");

        assertThat(missing.status()).isEqualTo(400);
        assertThat((List<String>) missing.json("$.errors[*].field")).contains("title", "theme", "organiser", "period");
        assertThat(rules.status()).isEqualTo(422);
        assertThat((List<String>) rules.json("$.errors[*].field")).contains("targetRegions[0]");
        assertThat(http.get("/api/programmes/not-an-id").status()).as("malformed").isEqualTo(400);
        assertThat(http.get("/api/programmes/" + java.util.UUID.randomUUID()).status()).as("unknown").isEqualTo(404);
    }

    @Test
    void aPartnerIsRegisteredWithoutPublishingItsContacts() {
        Http.Response created = http.postJson("/api/partners", """
                {"name": "Puskesmas Martapura 1", "type": "HEALTH_FACILITY", "regionCode": "63.03.05",
                 "contacts": [{"name": "Bidan Sari", "phone": "+62 812-1111-2222", "email": "sari@puskesmas.example"}]}""");
        Http.Response invalid = http.postJson("/api/partners", """
                {"name": "", "type": "HOSPITAL", "regionCode": "63.03"}""");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json("$.id");
        assertThat((String) http.get("/api/partners/" + id).json("$.contacts[0].name")).isEqualTo("Bidan Sari");
        assertThat(http.get("/api/partners?type=HEALTH_FACILITY&region=63.03").<List<String>>json("$.items[*].id")).contains(id);
        var event = TopicRecords.read(bootstrap, Topics.PARTNERS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(EventSchemas.validate(EventTypes.PARTNER_REGISTERED, event.value())).isEmpty();
        assertThat(event.value()).doesNotContain("Bidan Sari", "sari@");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat((String) invalid.json("$.errors[0].field")).isEqualTo("type");
    }

    /**
     * A region's partners are those of the region and of every region inside it, found by the partner's stored region
     * path; a partner stored before paths were kept gets its path from its code.
     */
    @Test
    void aRegionListsItsOwnPartnersAndThoseOfTheRegionsInsideItAlsoWhenStoredBeforePaths() {
        String regency = http.postJson("/api/partners", """
                {"name": "Dinas Kesehatan Kabupaten Tapin", "type": "HEALTH_OFFICE", "regionCode": "63.05"}""").json("$.id");
        String district = http.postJson("/api/partners", """
                {"name": "Puskesmas Binuang", "type": "HEALTH_FACILITY", "regionCode": "63.05.01"}""").json("$.id");
        String sibling = http.postJson("/api/partners", """
                {"name": "Dinas Kesehatan Kabupaten Balangan", "type": "HEALTH_OFFICE", "regionCode": "63.11"}""").json("$.id");
        assertThat(mongo.findById(district, Document.class, "partners").getList("regionPath", String.class))
                .containsExactly("63", "63.05", "63.05.01");
        mongo.getCollection("partners").updateOne(com.mongodb.client.model.Filters.eq("_id", district),
                com.mongodb.client.model.Updates.unset("regionPath"));
        assertThat(http.get("/api/partners?region=63.05&size=100").<List<String>>json("$.items[*].id"))
                .as("stored before paths: not found by path yet").contains(regency).doesNotContain(district, sibling);

        RegionPaths.fillStoredBefore(mongo, "partners", "regionCode", "regionPath");

        assertThat(http.get("/api/partners?region=63.05&size=100").<List<String>>json("$.items[*].id"))
                .contains(regency, district).doesNotContain(sibling);
        assertThat(http.get("/api/partners?region=63.05.01&size=100").<List<String>>json("$.items[*].id"))
                .contains(district).doesNotContain(regency, sibling);
        assertThat(http.get("/api/partners?region=63&size=100").<List<String>>json("$.items[*].id"))
                .contains(regency, district, sibling);
    }
}
