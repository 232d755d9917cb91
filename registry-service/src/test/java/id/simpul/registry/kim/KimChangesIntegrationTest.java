package id.simpul.registry.kim;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing a KIM: its profile under If-Match, and its lifecycle; each change is one event with the next version. */
class KimChangesIntegrationTest extends KimApiTestBase {

    @Test
    void aProfileChangeWithTheCurrentETagIsStoredAndPublishedAsKimUpdated() {
        String id = api.registerValid(KimApi.uniqueName("KIM Keraton"), "63.03.05.1001");

        Http.Response updated = api.put(id, "\"1\"", KimApi.validBody("KIM Keraton Berkembang", "63.03.05.1001")
                .replace("\"memberCount\": 20", "\"memberCount\": 26"));

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.header("ETag")).hasValue("\"2\"");
        assertThat((Integer) updated.json("$.memberCount")).isEqualTo(26);
        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
        assertThat(TopicRecords.header(events.get(1), "ce_type")).isEqualTo(EventTypes.KIM_UPDATED);
        assertThat(EventSchemas.validate(EventTypes.KIM_UPDATED, events.get(1).value())).isEmpty();
        assertThat(events.get(1).value()).contains("\"version\":2", "\"memberCount\":26", "\"name\":\"KIM Keraton Berkembang\"");
    }

    @Test
    void aChangeFromAStaleETagIsRefusedWith412AndChangesNothing() {
        String name = KimApi.uniqueName("KIM Jawa");
        String id = api.registerValid(name, "63.03.05.1002");
        assertThat(api.put(id, "\"1\"", KimApi.validBody(name + " Baru", "63.03.05.1002")).status()).isEqualTo(200);

        Http.Response stale = api.put(id, "\"1\"", KimApi.validBody(name + " Lama", "63.03.05.1002"));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("ETag")).hasValue("\"2\"");
        assertThat((Integer) stale.json("$.currentVersion")).isEqualTo(2);
        assertThat((String) api.get(id).json("$.name")).isEqualTo(name + " Baru");
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() {
        String id = api.registerValid(KimApi.uniqueName("KIM Pasayangan"), "63.03.05.1003");

        Http.Response response = api.put(id, null, KimApi.validBody("KIM Pasayangan Baru", "63.03.05.1003"));

        assertThat(response.status()).isEqualTo(428);
        assertThat((Integer) api.get(id).json("$.version")).isEqualTo(1);
    }

    @Test
    void theStatusCannotBeChangedThroughTheProfile() {
        String name = KimApi.uniqueName("KIM Murung Keraton");
        String id = api.registerValid(name, "63.03.05.1004");

        Http.Response response = api.put(id, "\"1\"", KimApi.validBody(name, "63.03.05.1004")
                .replace("{\"name\"", "{\"status\": \"ACTIVE\", \"name\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat((String) response.json("$.errors[0].field")).isEqualTo("status");
    }

    @Test
    void anUnchangedProfileKeepsItsVersionAndPublishesNothing() {
        String name = KimApi.uniqueName("KIM Sungai Sipai");
        String id = api.registerValid(name, "63.03.05.2009");

        Http.Response same = api.put(id, "\"1\"", KimApi.validBody(name, "63.03.05.2009"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.header("ETag")).hasValue("\"1\"");
        assertThat(TopicRecords.read(bootstrap, Topics.KIMS, r -> id.equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aKimGoesThroughItsLifecycleWithOneEventPerStepAndItsHistory() {
        String id = api.registerValid(KimApi.uniqueName("KIM Sekumpul"), "63.03.05.1059");

        assertThat(api.changeStatus(id, "VERIFIED", "SK checked").status()).isEqualTo(200);
        assertThat(api.changeStatus(id, "ACTIVE", null).status()).isEqualTo(200);
        Http.Response dormant = api.changeStatus(id, "DORMANT", "No reports for a year");

        assertThat(dormant.status()).isEqualTo(200);
        assertThat(dormant.header("ETag")).hasValue("\"4\"");
        assertThat((List<String>) dormant.json("$.history[*].to")).containsExactly("SUBMITTED", "VERIFIED", "ACTIVE", "DORMANT");
        assertThat((String) dormant.json("$.history[3].reason")).isEqualTo("No reports for a year");
        assertThat((List<String>) dormant.json("$.allowedTransitions")).containsExactly("ACTIVE", "DISSOLVED");
        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertThat(events).extracting(r -> TopicRecords.header(r, "ce_type")).containsExactly(EventTypes.KIM_REGISTERED,
                EventTypes.KIM_STATUS_CHANGED, EventTypes.KIM_STATUS_CHANGED, EventTypes.KIM_STATUS_CHANGED);
        assertThat(events.get(3).value()).contains("\"previousStatus\":\"ACTIVE\"", "\"status\":\"DORMANT\"", "\"version\":4");
        events.subList(1, 4).forEach(e -> assertThat(EventSchemas.validate(EventTypes.KIM_STATUS_CHANGED, e.value())).isEmpty());
    }

    @Test
    void anIllegalTransitionIsRefusedWith409SayingWhatIsAllowed() {
        String id = api.registerValid(KimApi.uniqueName("KIM Tanjung Rema"), "63.03.05.2011");

        Http.Response response = api.changeStatus(id, "ACTIVE", null);

        assertThat(response.status()).isEqualTo(409);
        assertThat((String) response.json("$.detail")).isEqualTo("A SUBMITTED KIM can become [VERIFIED, REJECTED, DISSOLVED], not ACTIVE");
        assertThat((List<String>) response.json("$.allowedTransitions")).containsExactly("VERIFIED", "REJECTED", "DISSOLVED");
        assertThat((String) api.get(id).json("$.status")).isEqualTo("SUBMITTED");
    }

    @Test
    void rejectingWithoutAReasonIsRefused() {
        String id = api.registerValid(KimApi.uniqueName("KIM Pasayangan Selatan"), "63.03.05.2010");

        Http.Response response = api.changeStatus(id, "REJECTED", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat((String) response.json("$.errors[0].field")).isEqualTo("reason");
    }

    @Test
    void aStatusChangeFromAStaleETagIsRefused() {
        String id = api.registerValid(KimApi.uniqueName("KIM Kiram"), "63.03.06.2001");
        api.changeStatus(id, "VERIFIED", null);

        Http.Response response = api.http.send(java.net.http.HttpRequest.newBuilder(api.http.uri("/api/kims/" + id + "/status"))
                .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\": \"ACTIVE\"}")));

        assertThat(response.status()).isEqualTo(412);
        assertThat((String) api.get(id).json("$.status")).isEqualTo("VERIFIED");
    }

    @Test
    void anUnknownStatusIsAFieldError() {
        String id = api.registerValid(KimApi.uniqueName("KIM Mandiangin"), "63.03.06.2002");

        Http.Response response = api.changeStatus(id, "FAMOUS", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat((String) response.json("$.errors[0].field")).isEqualTo("status");
    }

    private List<ConsumerRecord<String, String>> eventsOf(String id, int expected) {
        List<ConsumerRecord<String, String>> events =
                TopicRecords.read(bootstrap, Topics.KIMS, r -> id.equals(r.key()), expected, Duration.ofSeconds(30));
        assertThat(events).hasSize(expected);
        return events;
    }
}
