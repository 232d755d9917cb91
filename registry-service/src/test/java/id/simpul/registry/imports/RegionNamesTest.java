package id.simpul.registry.imports;

import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionNamesTest {

    private static final RegionDataset REGIONS = ImportFixtures.REGIONS;
    private static final RegionNames NAMES = new RegionNames(REGIONS);

    @ParameterizedTest(name = "{0} as {1} in {2}")
    @CsvSource(nullValues = "-", value = {
            "Banjar, REGENCY, -", "Kota Banjar, REGENCY, -", "Kab. Banjar, REGENCY, -", "KABUPATEN  banjar, REGENCY, 63",
            "Kota Baru, VILLAGE, 14", "Desa Baru, VILLAGE, 14", "Baru, VILLAGE, 14", "Kel. Baru, VILLAGE, 14",
            "Kec. Martapura, DISTRICT, -", "Kalimantan Selatan, PROVINCE, -", "Prov. Kalimantan Selatan, PROVINCE, -",
            "Oebelo, VILLAGE, 53", "Pékauman, VILLAGE, 63.03"})
    void aNameFindsTheRegionsThatTheDatasetsOwnLookupFinds(String name, RegionLevel level, String within) {
        List<Region> scope = within == null ? List.of() : List.of(REGIONS.find(within).orElseThrow());

        List<Region> expected = REGIONS.named(name, level, within);

        assertThat(expected).isNotEmpty();
        assertThat(NAMES.named(name, level, scope)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
