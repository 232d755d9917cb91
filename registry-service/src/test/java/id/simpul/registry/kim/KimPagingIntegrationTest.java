package id.simpul.registry.kim;

import id.simpul.testinfra.Http;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reading a list on by cursor, and the totals lists give: each test narrows its lists to its own KIMs by a name
 * tag, or compares the totals of a region before and after what it does.
 */
class KimPagingIntegrationTest extends KimApiTestBase {

    /** A village of Kabupaten Banjar (63.03), whose rules every {@link KimApi#validBody} meets. */
    private static final String VILLAGE = "63.03.05.1003";

    @Autowired
    MongoOperations mongo;

    private String tag;

    @BeforeEach
    void tag() {
        tag = "Halaman" + UUID.randomUUID().toString().substring(0, 6);
    }

    private String register(String name) {
        return api.registerValid("KIM " + name + " " + tag, VILLAGE);
    }

    private Http.Response list(String query) {
        Http.Response page = api.http.get("/api/kims?q=" + tag + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page;
    }

    private static List<String> names(Http.Response page) {
        return page.<List<String>>json("$.items[*].name").stream().map(n -> n.split(" ")[1]).toList();
    }

    private long total(String query) {
        Http.Response page = api.http.get("/api/kims?size=1" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ((Number) page.json("$.totalItems")).longValue();
    }

    @Test
    void aCursorLeadsThroughTheWholeListAndTheLastPageHasNone() {
        for (String name : List.of("Echo", "Alpha", "Delta", "Bravo", "Charlie")) {
            register(name);
        }

        Http.Response first = list("&size=2");
        Http.Response second = list("&size=2&cursor=" + first.json("$.nextCursor"));
        Http.Response third = list("&size=2&cursor=" + second.json("$.nextCursor"));

        assertThat(names(first)).containsExactly("Alpha", "Bravo");
        assertThat(names(second)).containsExactly("Charlie", "Delta");
        assertThat(names(third)).containsExactly("Echo");
        assertThat(third.body()).doesNotContain("nextCursor");
        assertThat(List.of(second.json("$.page"), third.json("$.page"))).containsExactly(1, 2);
        assertThat(List.of(first.json("$.totalItems"), third.json("$.totalItems"), third.json("$.totalPages")))
                .containsExactly(5, 5, 3);
    }

    @Test
    void aCursorKeepsItsOrderAndNeitherRepeatsNorSkipsWhenKimsAreRegisteredBeforeIt() {
        for (String name : List.of("Bravo", "Delta", "Foxtrot", "Hotel")) {
            register(name);
        }
        Http.Response first = list("&size=2&sort=name,desc");

        register("Alpha");
        register("Golf");
        register("India");
        Http.Response second = list("&size=2&cursor=" + first.json("$.nextCursor"));
        Http.Response offset = list("&size=2&page=1&sort=name,desc");

        assertThat(names(first)).containsExactly("Hotel", "Foxtrot");
        // Golf and India sort before the cursor: not shown; Alpha comes in its place at the end.
        assertThat(names(second)).containsExactly("Delta", "Bravo");
        assertThat(names(list("&size=2&cursor=" + second.json("$.nextCursor")))).containsExactly("Alpha");
        // By page number, the same request shows Foxtrot again: what the cursor is for.
        assertThat(names(offset)).containsExactly("Golf", "Foxtrot");
    }

    @Test
    void aCursorFollowsEverySortOrder() {
        for (String name : List.of("Alpha", "Bravo", "Charlie")) {
            register(name);
        }
        for (String sort : KimSort.FIELDS.specs()) {
            List<String> all = names(list("&size=3&sort=" + sort));
            List<String> paged = new ArrayList<>();
            Http.Response page = list("&size=1&sort=" + sort);
            paged.addAll(names(page));
            while (page.body().contains("nextCursor")) {
                page = list("&size=1&cursor=" + page.json("$.nextCursor"));
                paged.addAll(names(page));
            }
            assertThat(paged).as(sort).isEqualTo(all).hasSize(3);
        }
    }

    @Test
    void totalsFollowRegistrationStatusChangesAndDissolution() {
        String region = "&region=" + VILLAGE.substring(0, 5);
        long inRegency = total(region);
        long submitted = total(region + "&status=SUBMITTED");
        long verified = total(region + "&status=VERIFIED");
        long dissolved = total(region + "&status=DISSOLVED&status=VERIFIED");

        String kim = register("Alpha");
        assertThat(total(region)).isEqualTo(inRegency + 1);
        assertThat(total(region + "&status=SUBMITTED")).isEqualTo(submitted + 1);

        assertThat(api.changeStatus(kim, "VERIFIED", null).status()).isEqualTo(200);
        assertThat(total(region + "&status=SUBMITTED")).isEqualTo(submitted);
        assertThat(total(region + "&status=VERIFIED")).isEqualTo(verified + 1);

        assertThat(api.changeStatus(kim, "DISSOLVED", "Merged with a neighbour").status()).isEqualTo(200);
        assertThat(total(region + "&status=VERIFIED")).isEqualTo(verified);
        assertThat(total(region + "&status=DISSOLVED&status=VERIFIED")).isEqualTo(dissolved + 1);
        assertThat(total(region)).isEqualTo(inRegency + 1);
        assertThat(total("&q=" + tag + "&status=DISSOLVED")).isEqualTo(1);
    }

    @Test
    void whatAnotherInstanceRegisteredIsListedWithinSeconds() {
        String kim = register("Alpha");
        Document copy = mongo.findOne(Query.query(Criteria.where("_id").is(kim)), Document.class, KimEvents.COLLECTION);
        String other = UUID.randomUUID().toString();
        copy.putAll(new Document("_id", other).append("name", "KIM Bravo " + tag)
                .append(KimMapping.NAME_SORT, "bravo " + tag.toLowerCase())
                .append(KimMapping.NAME_KEY, VILLAGE + "|bravo " + tag.toLowerCase())
                .append(KimMapping.KIM_ID_KEY, "none:" + other).append("outbox", List.of()));
        mongo.insert(copy, KimEvents.COLLECTION);

        // The store now counts one KIM more than the index holds: the index reads the collection again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(names(list(""))).containsExactly("Alpha", "Bravo"));
    }

    @Test
    void aMalformedCursorIsAFieldError() {
        String wrongFormat = Base64.getUrlEncoder().encodeToString("k0|name,asc|x|=y".getBytes(StandardCharsets.UTF_8));
        String badId = Base64.getUrlEncoder().encodeToString("k1|name,asc|not-an-id|=alpha".getBytes(StandardCharsets.UTF_8));
        String badValue = Base64.getUrlEncoder().encodeToString(
                ("k1|memberCount,asc|" + UUID.randomUUID() + "|=many").getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("%25%25%25", "", wrongFormat, badId, badValue)) {
            Http.Response refused = api.http.get("/api/kims?cursor=" + cursor);

            assertThat(refused.status()).as(cursor).isEqualTo(400);
            assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("cursor");
            assertThat(refused.<String>json("$.errors[0].message")).contains("nextCursor");
        }
    }

    @Test
    void aCursorTakesNeitherAPageNorAnotherOrder() {
        register("Alpha");
        register("Bravo");
        String cursor = list("&size=1&sort=memberCount,desc").json("$.nextCursor");

        Http.Response withPage = api.http.get("/api/kims?page=1&cursor=" + cursor);
        Http.Response otherOrder = api.http.get("/api/kims?sort=name&cursor=" + cursor);
        Http.Response sameOrder = api.http.get("/api/kims?q=" + tag + "&sort=memberCount,desc&cursor=" + cursor);

        assertThat(withPage.status()).isEqualTo(400);
        assertThat(withPage.<String>json("$.errors[0].field")).isEqualTo("cursor");
        assertThat(withPage.<String>json("$.errors[0].message")).contains("page");
        assertThat(otherOrder.status()).isEqualTo(400);
        assertThat(otherOrder.<String>json("$.errors[0].field")).isEqualTo("cursor");
        assertThat(otherOrder.<String>json("$.errors[0].message")).contains("sort=memberCount,desc");
        assertThat(sameOrder.status()).isEqualTo(200);
        assertThat(sameOrder.<List<?>>json("$.items")).hasSize(1);
    }
}
