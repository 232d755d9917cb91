package id.simpul.registry.kim;

import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What another registry instance stores reaches this one's lists by the KIM topic: here the other instance is played
 * by a write to the store and its event on the topic, as the other instance's outbox relay would send it.
 */
class KimListFeedIntegrationTest extends KimApiTestBase {

    @Autowired
    MongoOperations mongo;

    @Test
    void aStatusChangeAnotherInstanceStoredIsListedWhenItsEventArrives() {
        String tag = "Umpan" + UUID.randomUUID().toString().substring(0, 6);
        String id = api.registerValid("KIM " + tag, "63.03.05.1004");
        String dormant = "/api/kims?size=5&q=" + tag + "&status=DORMANT";
        assertThat(total(dormant)).isZero();

        // The other instance's change: stored first, published after, as the outbox does it.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set(KimMapping.STATUS, "DORMANT").set("version", 2L), KimEvents.COLLECTION);
        assertThat(total(dormant)).as("not listed before its event: the index has not read it").isZero();
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, EventTypes.KIM_STATUS_CHANGED, id,
                "{\"kimId\": \"%s\", \"version\": 2, \"from\": \"SUBMITTED\", \"to\": \"DORMANT\"}".formatted(id)));

        // Well before the count check (which sees no new KIM here) and the 30-minute full read.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> total(dormant) == 1);
        Http.Response page = api.http.get(dormant);
        assertThat(page.<String>json("$.items[0].id")).isEqualTo(id);
        assertThat(page.<String>json("$.items[0].status")).isEqualTo("DORMANT");
        assertThat(total("/api/kims?size=5&q=" + tag + "&status=SUBMITTED")).isZero();
    }

    @Test
    void aKimAnotherInstanceStoredWhileTheFeedWasAwayIsListedAfterTheCountChecks() {
        String tag = "Luput" + UUID.randomUUID().toString().substring(0, 6);
        String id = api.registerValid("KIM Asal " + tag, "63.03.05.1004");
        // The other instance's KIM, stored without its event ever reaching this instance.
        org.bson.Document other = mongo.findById(id, org.bson.Document.class, KimEvents.COLLECTION);
        String otherId = UUID.randomUUID().toString();
        other.put("_id", otherId);
        other.put(KimMapping.NAME, "KIM Lain " + tag);
        other.put(KimMapping.NAME_KEY, "63.03.05.1004|kim lain " + tag.toLowerCase());
        other.put(KimMapping.NAME_SORT, "kim lain " + tag.toLowerCase());
        other.put(KimMapping.KIM_ID_KEY, "none:" + otherId);
        other.put("outbox", java.util.List.of());
        mongo.insert(other, KimEvents.COLLECTION);

        // Two checks 10 s apart that both see one KIM more in the store than in the index, then a read.
        await().atMost(Duration.ofSeconds(35)).pollInterval(Duration.ofMillis(250))
                .until(() -> total("/api/kims?size=5&q=" + tag) == 2);
        assertThat(api.http.get("/api/kims?size=5&q=Lain%20" + tag).<String>json("$.items[0].id")).isEqualTo(otherId);
    }

    @Test
    void theVersionOfAnEventIsReadFromItsPayloadAndAnUnreadableOneAsksForARead() {
        assertThat(KimListFeed.version("{\"kimId\":\"k\",\"address\":{\"version\":9},\"version\":7}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo(7);
        assertThat(KimListFeed.version("{\"kimId\":\"k\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(KimListFeed.version("not json".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(KimListFeed.version("[1]".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        assertThat(KimListFeed.version(null)).isEqualTo(-1);
    }

    private long total(String list) {
        Http.Response page = api.http.get(list);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ((Number) page.json("$.totalItems")).longValue();
    }
}
