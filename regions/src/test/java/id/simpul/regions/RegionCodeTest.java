package id.simpul.regions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionCodeTest {

    private static final RegionCode VILLAGE = new RegionCode("63.03.05.1001");

    @Test
    void theNumberOfPartsGivesTheLevel() {
        assertThat(new RegionCode("63").level()).isEqualTo(RegionLevel.PROVINCE);
        assertThat(new RegionCode("63.03").level()).isEqualTo(RegionLevel.REGENCY);
        assertThat(new RegionCode("63.03.05").level()).isEqualTo(RegionLevel.DISTRICT);
        assertThat(VILLAGE.level()).isEqualTo(RegionLevel.VILLAGE);
    }

    @Test
    void aVillageKnowsTheRegionsAboveIt() {
        assertThat(VILLAGE.at(RegionLevel.PROVINCE)).isEqualTo(new RegionCode("63"));
        assertThat(VILLAGE.at(RegionLevel.REGENCY)).isEqualTo(new RegionCode("63.03"));
        assertThat(VILLAGE.at(RegionLevel.DISTRICT)).isEqualTo(new RegionCode("63.03.05"));
        assertThat(VILLAGE.at(RegionLevel.VILLAGE)).isEqualTo(VILLAGE);
    }

    @Test
    void provinceRegencyAndDistrictAreTheRegionsAboveAtThoseLevels() {
        assertThat(VILLAGE.province()).isEqualTo(new RegionCode("63"));
        assertThat(VILLAGE.regency()).isEqualTo(new RegionCode("63.03"));
        assertThat(VILLAGE.district()).isEqualTo(new RegionCode("63.03.05"));
    }

    @Test
    void atOrAboveStopsAtTheRegionItself() {
        assertThat(VILLAGE.atOrAbove(RegionLevel.DISTRICT)).isEqualTo(new RegionCode("63.03.05"));
        assertThat(new RegionCode("63.03").atOrAbove(RegionLevel.DISTRICT)).isEqualTo(new RegionCode("63.03"));
    }

    @Test
    void aRegionHasNoLevelBelowItsOwn() {
        assertThatThrownBy(() -> new RegionCode("63.03").at(RegionLevel.VILLAGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegionCode("63").regency()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theParentIsTheRegionDirectlyAbove() {
        assertThat(VILLAGE.parent()).contains(new RegionCode("63.03.05"));
        assertThat(new RegionCode("63.03").parent()).contains(new RegionCode("63"));
    }

    @Test
    void aProvinceHasNoParent() {
        assertThat(new RegionCode("63").parent()).isEmpty();
    }

    @Test
    void selfAndAncestorsRunFromTheRegionUpToItsProvince() {
        assertThat(VILLAGE.selfAndAncestors()).extracting(RegionCode::value)
                .containsExactly("63.03.05.1001", "63.03.05", "63.03", "63");
        assertThat(new RegionCode("91").selfAndAncestors()).containsExactly(new RegionCode("91"));
    }

    @ParameterizedTest(name = "{0} within {1}: {2}; below it: {3}")
    @CsvSource({
            "63.03.05.1001, 63,            true,  true",
            "63.03.05.1001, 63.03.05,      true,  true",
            "63.03.05.1001, 63.03.05.1001, true,  false",
            "63.03.05,      63.03,         true,  true",
            "63.03,         63.03,         true,  false",
            "63,            63.03.05.1001, false, false",
            "63.03,         63.03.05,      false, false",
            "63.03.06,      63.03.05,      false, false",
            "63.03.06.1001, 63.03.05,      false, false",
            "63.30,         63.03,         false, false",
            "64.03,         63,            false, false",
    })
    void aRegionLiesWithinItselfAndTheRegionsAboveIt(String code, String scope, boolean within, boolean below) {
        RegionCode region = new RegionCode(code);
        RegionCode around = new RegionCode(scope);

        assertThat(region.isWithin(around)).isEqualTo(within);
        assertThat(around.contains(region)).isEqualTo(within);
        assertThat(region.isBelow(around)).isEqualTo(below);
    }

    @Test
    void aTextPrefixOfACodeIsNoRegionToBeWithin() {
        // "63.0" starts 63.03 but is no code: there is no region "63.0" for 63.03 to lie in.
        assertThat(RegionCode.parse("63.0")).isEmpty();
        assertThatThrownBy(() -> new RegionCode("63.03").isWithin(new RegionCode("63.0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBelowRegexFindsTheCodesBelowARegionOnly() {
        Pattern below = Pattern.compile(new RegionCode("63.03").belowRegex());

        assertThat(below.matcher("63.03.05").find()).isTrue();
        assertThat(below.matcher("63.03.05.1001").find()).isTrue();
        assertThat(below.matcher("63.03").find()).isFalse();
        assertThat(below.matcher("63.13.03").find()).isFalse();
        assertThat(below.matcher("64.63.03").find()).isFalse();
    }

    @Test
    void wellFormedCodesAreParsed() {
        assertThat(RegionCode.parse("63.03.05")).contains(new RegionCode("63.03.05"));
        assertThat(RegionCode.isCode("63.03.05.1001")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "6", "63.3", "63.0", "63.03.5", "63.03.05.101", "63-03", "63.03.05.1001.1", "ab", " 63"})
    void malformedCodesAreRefused(String code) {
        assertThat(RegionCode.isCode(code)).isFalse();
        assertThat(RegionCode.parse(code)).isEmpty();
        assertThatThrownBy(() -> new RegionCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"63", "63.03", "63.03.05", "63.03.05.1001", "63.03.05.1001\n", "63\n", "63.03.", ".63.03",
            "63..03", "63.03.05.10a1", "\u0666\u0663", "63\u002e03", "63.03 05", "6303.05", "63.0305.1001", "00.00.00.0000",
            "63.03.05.1001 ", "99.99.99.99999"})
    void theShapeIsExactlyThePatternTheApisDocument(String text) {
        assertThat(RegionCode.isCode(text)).isEqualTo(Pattern.compile(RegionCode.PATTERN).matcher(text).matches());
    }

    @Test
    void noCodeIsRefused() {
        assertThat(RegionCode.isCode(null)).isFalse();
        assertThatThrownBy(() -> new RegionCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVillagePatternAcceptsVillagesOnly() {
        assertThat(VILLAGE.value()).matches(RegionCode.VILLAGE_PATTERN);
        assertThat("63.03.05").doesNotMatch(RegionCode.VILLAGE_PATTERN);
    }

    @Test
    void theMessageNamesTheShape() {
        assertThat(RegionCode.FORMAT).startsWith(RegionCode.NOT_A_CODE).contains("PP.RR.DD.VVVV");
    }
}
