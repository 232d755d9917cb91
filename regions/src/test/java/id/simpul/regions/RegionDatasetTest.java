package id.simpul.regions;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegionDatasetTest {

    private static final RegionDataset REGIONS = RegionDataset.load();

    @Test
    void theDatasetHoldsEveryRegionOfTheDecree() {
        assertThat(REGIONS.count(RegionLevel.PROVINCE)).isEqualTo(38);
        assertThat(REGIONS.count(RegionLevel.REGENCY)).isEqualTo(514);
        assertThat(REGIONS.count(RegionLevel.DISTRICT)).isEqualTo(7_285);
        assertThat(REGIONS.count(RegionLevel.VILLAGE)).isEqualTo(83_762);
    }

    @Test
    void loadingTwiceGivesTheSameRegions() {
        RegionDataset again = RegionDataset.load();

        assertThat(again.find("63.03.05.1005")).isEqualTo(REGIONS.find("63.03.05.1005"));
        assertThat(again.countsBelow("63")).isEqualTo(REGIONS.countsBelow("63"));
    }

    @Test
    void kabupatenBanjarLiesInSouthKalimantanOnWita() {
        Region banjar = REGIONS.find("63.03").orElseThrow();

        assertThat(banjar.name()).isEqualTo("Kabupaten Banjar");
        assertThat(banjar.level()).isEqualTo(RegionLevel.REGENCY);
        assertThat(REGIONS.find(banjar.parentCode()).orElseThrow().name()).isEqualTo("Kalimantan Selatan");
        assertThat(banjar.timeZone()).isEqualTo(IndonesianTimeZone.WITA);
        assertThat(banjar.timeZone().offset().getTotalSeconds()).isEqualTo(8 * 3600);
    }

    @Test
    void eachProvinceHasItsTimeZone() {
        assertThat(REGIONS.find("31").orElseThrow().timeZone()).isEqualTo(IndonesianTimeZone.WIB);
        assertThat(REGIONS.find("51").orElseThrow().timeZone()).isEqualTo(IndonesianTimeZone.WITA);
        assertThat(REGIONS.find("91.71").orElseThrow().timeZone()).isEqualTo(IndonesianTimeZone.WIT);
        assertThat(REGIONS.children(null)).hasSize(38).allSatisfy(p -> assertThat(p.timeZone()).isNotNull());
    }

    @Test
    void aRegionKnowsItsChildrenAndEverythingBelowIt() {
        assertThat(REGIONS.children("63.03")).allSatisfy(d -> assertThat(d.parentCode()).isEqualTo("63.03"))
                .extracting(Region::level).containsOnly(RegionLevel.DISTRICT);
        Map<RegionLevel, Integer> belowBanjar = REGIONS.countsBelow("63.03");
        assertThat(belowBanjar.get(RegionLevel.DISTRICT)).isEqualTo(REGIONS.children("63.03").size());
        assertThat(belowBanjar.get(RegionLevel.VILLAGE))
                .isEqualTo(REGIONS.children("63.03").stream().mapToInt(d -> REGIONS.children(d.code()).size()).sum());
        assertThat(REGIONS.children("63.03.05.1005")).isEmpty();
    }

    @Test
    void thePathRunsFromTheProvinceDown() {
        assertThat(REGIONS.path("63.03.05.1005")).extracting(Region::name)
                .containsExactly("Kalimantan Selatan", "Kabupaten Banjar", "Martapura", "Sungai Paring");
    }

    @Test
    void namesWithCommasAndQuotesAreReadWhole() {
        assertThat(REGIONS.find("12.07.28.1007").orElseThrow().name()).isEqualTo("Lubuk Pakam I,II");
        assertThat(REGIONS.find("35.13.15.2017").orElseThrow().name()).isEqualTo("Soka\"an");
    }

    @Test
    void searchPutsExactNamesFirst() {
        assertThat(REGIONS.search("banjar", null, null)).first().extracting(Region::code).isIn("63.03", "32.79");
        assertThat(REGIONS.search("banjar", RegionLevel.REGENCY, null)).extracting(Region::name)
                .startsWith("Kota Banjar", "Kabupaten Banjar").contains("Kota Banjarmasin", "Kota Banjarbaru");
        assertThat(REGIONS.search("sungai paring", RegionLevel.VILLAGE, "63.03")).extracting(Region::code)
                .containsExactly("63.03.05.1005");
        assertThat(REGIONS.search("  ", null, null)).isEmpty();
    }

    @Test
    void namesAreComparedInLowerCaseLettersAndDigitsWithoutPrefixOrAccent() {
        assertThat(RegionDataset.normalise("  KAB.  Hulu   Sungai-Tengah ")).isEqualTo("hulu sungai tengah");
        assertThat(RegionDataset.normalise("Désa Pématang Siantar II")).isEqualTo("pematang siantar ii");
        assertThat(RegionDataset.normalise("Kota")).isEqualTo("kota");
        assertThat(RegionDataset.normalise("Kelurahan 5 Ulu")).isEqualTo("5 ulu");
        assertThat(RegionDataset.normalise("--")).isEmpty();
        assertThat(RegionDataset.normalise(null)).isEmpty();
    }

    @Test
    void namesResolveWithOrWithoutTheirAdministrativePrefix() {
        assertThat(REGIONS.named("Banjar", RegionLevel.REGENCY, "63")).extracting(Region::code).containsExactly("63.03");
        assertThat(REGIONS.named("banjar", RegionLevel.REGENCY, null)).extracting(Region::code)
                .containsExactlyInAnyOrder("63.03", "32.79");
        assertThat(REGIONS.named("Kota Banjar", RegionLevel.REGENCY, null)).extracting(Region::code).containsExactly("32.79");
        assertThat(REGIONS.named("KAB. BANJAR", RegionLevel.REGENCY, null)).extracting(Region::code).containsExactly("63.03");
        assertThat(REGIONS.named("Desa Sungai Paring", RegionLevel.VILLAGE, "63.03.05")).extracting(Region::code)
                .containsExactly("63.03.05.1005");
        assertThat(REGIONS.named("Atlantis", RegionLevel.VILLAGE, "63.03.05")).isEmpty();
    }

    @Test
    void villagesAndKelurahanAreToldApartByTheirCode() {
        assertThat(REGIONS.find("63.03.05.1005").orElseThrow().isKelurahan()).isTrue();
        assertThat(REGIONS.find("63.03.06.2001").orElseThrow().isKelurahan()).isFalse();
    }
}
