package id.simpul.registry.kim;

import id.simpul.testinfra.Http;
import id.simpul.testinfra.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists of KIMs: filters, paging, sorting. Every list here is narrowed to this class's own KIMs by a name tag. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KimListIntegrationTest {

    private final String tag = "Daftar" + UUID.randomUUID().toString().substring(0, 6);

    @LocalServerPort
    int port;
    KimApi api;

    @BeforeAll
    void registerKims() {
        api = new KimApi(port);
        // Banjar (63.03): two in Martapura district (63.03.05), one in Karang Intan (63.03.06); one in Bandung.
        register("Alpha", "63.03.05.1001", 30, "[\"HEALTH\"]", "[{\"type\": \"INSTAGRAM\", \"address\": \"@a\"}]");
        register("Bravo", "63.03.05.1002", 16, "[\"UMKM\"]", "[]");
        String charlie = register("Charlie", "63.03.06.2001", 25, "[\"HEALTH\", \"AGRICULTURE\"]", "[]");
        register("Delta", "32.73.01.1001", 6, "[\"HEALTH\"]", "[{\"type\": \"RADIO\", \"address\": \"98 FM\"}]");
        api.changeStatus(charlie, "VERIFIED", null);
    }

    private String register(String name, String village, int members, String focus, String media) {
        Http.Response created = api.register("""
                {"name": "KIM %s %s", "villageCode": "%s", "memberCount": %d, "focusAreas": %s, "mediaChannels": %s,
                 "decree": {"number": "1/SK/2020", "date": "2020-01-01"}}""".formatted(name, tag, village, members, focus, media));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json("$.id");
    }

    private List<String> names(String query) {
        Http.Response page = api.http.get("/api/kims?q=" + tag + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.<List<String>>json("$.items[*].name").stream().map(n -> n.split(" ")[1]).toList();
    }

    @Test
    void regionFiltersWorkAtEveryLevel() {
        assertThat(names("&region=63")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(names("&region=63.03")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(names("&region=63.03.05")).containsExactly("Alpha", "Bravo");
        assertThat(names("&region=63.03.05.1002")).containsExactly("Bravo");
        assertThat(names("&region=32")).containsExactly("Delta");
    }

    @Test
    void statusFocusAreaAndMediaFiltersCombine() {
        assertThat(names("&status=VERIFIED")).containsExactly("Charlie");
        assertThat(names("&status=SUBMITTED&status=VERIFIED")).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
        assertThat(names("&focusArea=HEALTH")).containsExactly("Alpha", "Charlie", "Delta");
        assertThat(names("&hasMedia=true")).containsExactly("Alpha", "Delta");
        assertThat(names("&hasMedia=false&focusArea=HEALTH")).containsExactly("Charlie");
    }

    @Test
    void nameSearchIgnoresCase() {
        assertThat(api.http.get("/api/kims?region=63&q=" + tag.toLowerCase()).<List<String>>json("$.items[*].name")).hasSize(3);
        assertThat(api.http.get("/api/kims?q=" + tag.toLowerCase() + "%20alpha").<List<String>>json("$.items[*].name")).isEmpty();
        assertThat(api.http.get("/api/kims?q=alpha%20" + tag.toLowerCase()).<List<String>>json("$.items[*].name")).hasSize(1);
    }

    @Test
    void listsArePagedAndSorted() {
        Http.Response first = api.http.get("/api/kims?q=" + tag + "&size=3&sort=memberCount,desc");
        Http.Response second = api.http.get("/api/kims?q=" + tag + "&size=3&page=1&sort=memberCount,desc");

        assertThat(first.<List<Integer>>json("$.items[*].memberCount")).containsExactly(30, 25, 16);
        assertThat(second.<List<Integer>>json("$.items[*].memberCount")).containsExactly(6);
        assertThat((Integer) first.json("$.totalItems")).isEqualTo(4);
        assertThat((Integer) first.json("$.totalPages")).isEqualTo(2);
        assertThat((Integer) second.json("$.page")).isEqualTo(1);
    }

    @Test
    void badListParametersAreFieldErrors() {
        assertThat(api.http.get("/api/kims?sort=colour").<String>json("$.errors[0].field")).isEqualTo("sort");
        assertThat(api.http.get("/api/kims?region=99.99").<String>json("$.errors[0].field")).isEqualTo("region");
        assertThat(api.http.get("/api/kims?size=101").<String>json("$.errors[0].field")).isEqualTo("size");
        assertThat(api.http.get("/api/kims?page=-1").<String>json("$.errors[0].field")).isEqualTo("page");
        assertThat(api.http.get("/api/kims?status=FAMOUS").<String>json("$.errors[0].field")).isEqualTo("status");
    }
}
