package id.simpul.registry.region;

import id.simpul.regions.RegionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

    @Test
    void theNumberOfPartsGivesTheLevel() {
        assertThat(new RegionCode("63").level()).isEqualTo(RegionLevel.PROVINCE);
        assertThat(new RegionCode("63.03").level()).isEqualTo(RegionLevel.REGENCY);
        assertThat(new RegionCode("63.03.05").level()).isEqualTo(RegionLevel.DISTRICT);
        assertThat(new RegionCode("63.03.05.1001").level()).isEqualTo(RegionLevel.VILLAGE);
    }

    @Test
    void aVillageKnowsTheRegionsAboveIt() {
        RegionCode village = new RegionCode("63.03.05.1001");

        assertThat(village.at(RegionLevel.PROVINCE)).isEqualTo(new RegionCode("63"));
        assertThat(village.at(RegionLevel.REGENCY)).isEqualTo(new RegionCode("63.03"));
        assertThat(village.at(RegionLevel.DISTRICT)).isEqualTo(new RegionCode("63.03.05"));
        assertThat(village.at(RegionLevel.VILLAGE)).isEqualTo(village);
    }

    @Test
    void aRegionHasNoLevelBelowItsOwn() {
        assertThatThrownBy(() -> new RegionCode("63.03").at(RegionLevel.VILLAGE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6", "63.3", "63.03.5", "63.03.05.101", "63-03", "63.03.05.1001.1", "ab"})
    void malformedCodesAreRefused(String code) {
        assertThatThrownBy(() -> new RegionCode(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
