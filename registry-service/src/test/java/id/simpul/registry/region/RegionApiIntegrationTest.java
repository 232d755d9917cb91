package id.simpul.registry.region;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegionApiIntegrationTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
    }

    @Test
    void theDatasetCountsMatchTheDecree() {
        Http.Response dataset = http.get("/api/regions/dataset");

        assertThat(dataset.status()).isEqualTo(200);
        assertThat((Map<String, Integer>) dataset.json("$.counts")).containsExactly(
                Map.entry("PROVINCE", 38), Map.entry("REGENCY", 514), Map.entry("DISTRICT", 7_285), Map.entry("VILLAGE", 83_762));
        assertThat((String) dataset.json("$.decree")).contains("300.2.2-2138");
    }

    @Test
    void kabupatenBanjarNamesItsProvinceAndTimeZone() {
        Http.Response banjar = http.get("/api/regions/63.03");

        assertThat(banjar.status()).isEqualTo(200);
        assertThat((String) banjar.json("$.name")).isEqualTo("Kabupaten Banjar");
        assertThat((String) banjar.json("$.level")).isEqualTo("REGENCY");
        assertThat((Map<String, String>) banjar.json("$.province")).containsEntry("code", "63").containsEntry("name", "Kalimantan Selatan");
        assertThat((Map<String, String>) banjar.json("$.parent")).containsEntry("code", "63");
        assertThat((Map<String, String>) banjar.json("$.timeZone")).containsEntry("name", "WITA")
                .containsEntry("utcOffset", "+08:00").containsEntry("zoneId", "Asia/Makassar");
        assertThat((String) banjar.json("$.children.level")).isEqualTo("DISTRICT");
        assertThat((Integer) banjar.json("$.children.count")).isEqualTo((Integer) banjar.json("$.below.DISTRICT"));
        assertThat((Integer) banjar.json("$.below.VILLAGE")).isGreaterThan(250);
    }

    @Test
    void jayapuraIsOnWit() {
        assertThat((String) http.get("/api/regions/91.71").json("$.timeZone.name")).isEqualTo("WIT");
    }

    @Test
    void withoutParametersTheProvincesAreListedPage() {
        Http.Response provinces = http.get("/api/regions?size=100");

        assertThat((Integer) provinces.json("$.totalItems")).isEqualTo(38);
        assertThat(provinces.<List<String>>json("$.items[*].level")).containsOnly("PROVINCE");
    }

    @Test
    void theChildrenOfARegionArePaged() {
        Http.Response first = http.get("/api/regions?parent=63.03.05&size=5");
        Http.Response second = http.get("/api/regions?parent=63.03.05&size=5&page=1");

        assertThat(first.<List<String>>json("$.items[*].code")).hasSize(5).allMatch(c -> c.startsWith("63.03.05."));
        assertThat(second.<List<String>>json("$.items[*].code")).doesNotContainAnyElementsOf(first.json("$.items[*].code"));
        assertThat((Integer) first.json("$.totalItems")).isEqualTo((Integer) http.get("/api/regions/63.03.05").json("$.children.count"));
    }

    @Test
    void searchFindsRegionsByNameWithinARegion() {
        Http.Response found = http.get("/api/regions?q=sungai%20paring&within=63.03");

        assertThat(found.<List<String>>json("$.items[*].code")).contains("63.03.05.1005");
        assertThat(http.get("/api/regions?q=banjar&level=REGENCY").<List<String>>json("$.items[*].name"))
                .startsWith("Kota Banjar", "Kabupaten Banjar");
    }

    @Test
    void unknownRegionsAndBadParametersAreProblems() {
        assertThat(http.get("/api/regions/99.99").status()).isEqualTo(404);
        assertThat(http.get("/api/regions/63-03").<String>json("$.errors[0].field")).isEqualTo("code");
        assertThat(http.get("/api/regions?parnet=63").<String>json("$.errors[0].message"))
                .isEqualTo("is not a parameter of this list; the parameters are: parent, q, level, within, page, size");
        assertThat(http.get("/api/regions?parent=99").<String>json("$.errors[0].field")).isEqualTo("parent");
        assertThat(http.get("/api/regions?level=CONTINENT").<String>json("$.errors[0].field")).isEqualTo("level");
        assertThat(http.get("/api/regions?q=x&parent=63").<String>json("$.errors[0].field")).isEqualTo("q");
    }
}
