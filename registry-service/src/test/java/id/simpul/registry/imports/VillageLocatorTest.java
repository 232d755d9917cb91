package id.simpul.registry.imports;

import org.junit.jupiter.api.Test;

import static id.simpul.registry.imports.ImportFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

/** How a row's region names find its village, against the real region dataset. */
class VillageLocatorTest {

    private static final VillageLocator LOCATOR = new VillageLocator(ImportFixtures.REGIONS);
    private static final String OEBELO_KUPANG = "53.01.08.2010 Oebelo, Kec. Kupang Tengah, Kab. Kupang, Nusa Tenggara Timur";
    private static final String OEBELO_TTS = "53.02.06.2003 Oebelo, Kec. Amanuban Selatan, Kab. Timor Tengah Selatan, Nusa Tenggara Timur";

    @Test
    void theProvinceAndAVillageNameFoundOnceInItLocateTheVillage() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.PROVINCE, "Kalimantan Tengah",
                ImportColumns.VILLAGE, "Sungai Paring"));

        assertThat(located.problem()).isNull();
        assertThat(located.code()).isEqualTo("62.02.02.2011");
    }

    @Test
    void aVillageNameFoundTwiceInTheProvinceListsBothVillagesAndAsksForTheRegency() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.PROVINCE, "Nusa Tenggara Timur",
                ImportColumns.VILLAGE, "Oebelo"));

        assertThat(located.code()).isNull();
        assertThat(located.problem().column()).isEqualTo(ImportColumns.REGENCY);
        assertThat(located.problem().candidates()).containsExactly(OEBELO_KUPANG, OEBELO_TTS);
        assertThat(located.problem().message()).contains("'Oebelo' matches 2 villages in Nusa Tenggara Timur (53)")
                .contains("kabupaten_kota tells them apart (Kabupaten Kupang, Kabupaten Timor Tengah Selatan)");
    }

    @Test
    void theRegencyTellsTwoVillagesOfTheSameNameApart() {
        VillageLocator.Located kupang = LOCATOR.locate(row(ImportColumns.PROVINCE, "Nusa Tenggara Timur",
                ImportColumns.REGENCY, "Kabupaten Kupang", ImportColumns.VILLAGE, "Oebelo"));
        VillageLocator.Located timorTengahSelatan = LOCATOR.locate(row(ImportColumns.REGENCY, "Kab. Timor Tengah Selatan",
                ImportColumns.VILLAGE, "oebelo"));

        assertThat(kupang.code()).isEqualTo("53.01.08.2010");
        assertThat(timorTengahSelatan.code()).isEqualTo("53.02.06.2003");
    }

    @Test
    void theDistrictAndTheVillageNameAloneLocateTheVillage() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.DISTRICT, "Kec. Amanuban Selatan",
                ImportColumns.VILLAGE, "Oebelo"));

        assertThat(located.code()).isEqualTo("53.02.06.2003");
    }

    @Test
    void aVillageNameFoundOnceInIndonesiaIsEnoughOnItsOwn() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.VILLAGE, "KIRAM"));

        assertThat(located.code()).isEqualTo("63.03.06.2001");
    }

    @Test
    void theFullPathOfNamesWithPrefixesAndOtherCasesLocatesTheVillageAsBefore() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.PROVINCE, "Kalimantan Selatan",
                ImportColumns.REGENCY, "Kab. Banjar", ImportColumns.DISTRICT, "Martapura", ImportColumns.VILLAGE, "sungai  paring"));

        assertThat(located.code()).isEqualTo("63.03.05.1005");
    }

    @Test
    void aVillageNameFoundInTwoDistrictsOfTheRegencyAsksForTheDistrict() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.REGENCY, "Kabupaten Banjar",
                ImportColumns.VILLAGE, "Simpang Empat"));

        assertThat(located.problem().column()).isEqualTo(ImportColumns.DISTRICT);
        assertThat(located.problem().candidates()).containsExactly(
                "63.03.02.2006 Simpang Empat, Kec. Kertak Hanyar, Kab. Banjar, Kalimantan Selatan",
                "63.03.08.2006 Simpang Empat, Kec. Simpang Empat, Kab. Banjar, Kalimantan Selatan");
    }

    @Test
    void aRegencyNameThatFitsAKabupatenAndAKotaAsksForItsWholeName() {
        VillageLocator.Located shortName = LOCATOR.locate(row(ImportColumns.REGENCY, "Kupang", ImportColumns.VILLAGE, "Merdeka"));
        VillageLocator.Located wholeName = LOCATOR.locate(row(ImportColumns.REGENCY, "Kota Kupang", ImportColumns.VILLAGE, "Merdeka"));

        assertThat(shortName.problem().column()).isEqualTo(ImportColumns.REGENCY);
        assertThat(shortName.problem().message()).contains("write kabupaten_kota as one of Kabupaten Kupang, Kota Kupang");
        assertThat(shortName.problem().candidates()).hasSize(2);
        assertThat(wholeName.code()).isEqualTo("53.71.06.1006");
    }

    @Test
    void villagesThatShareEveryNameAskForTheVillageCode() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.DISTRICT, "Kupang Timur", ImportColumns.VILLAGE, "Oesao"));

        assertThat(located.problem().column()).isEqualTo(ImportColumns.VILLAGE_CODE);
        assertThat(located.problem().candidates()).extracting(c -> c.substring(0, 13))
                .containsExactly("53.01.06.1004", "53.01.06.2015");
    }

    @Test
    void anUnknownVillageNameComesBackWithTheNearestVillages() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.PROVINCE, "Kalimantan Selatan",
                ImportColumns.REGENCY, "Kabupaten Hulu Sungai Selatan", ImportColumns.DISTRICT, "Angkinang",
                ImportColumns.VILLAGE, "Taniran Kubax"));

        assertThat(located.problem().column()).isEqualTo(ImportColumns.VILLAGE);
        assertThat(located.problem().message()).startsWith("'Taniran Kubax' is no village in Angkinang (63.06.04)");
        assertThat(located.problem().candidates()).contains("63.06.04.2009 Taniran Kubah, Kec. Angkinang, "
                + "Kab. Hulu Sungai Selatan, Kalimantan Selatan");
    }

    @Test
    void anUnknownRegencyNameComesBackWithTheNearestRegenciesOfTheProvince() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.PROVINCE, "Kalimantan Selatan",
                ImportColumns.REGENCY, "Kabupaten Banjir", ImportColumns.VILLAGE, "Kiram"));

        assertThat(located.problem().column()).isEqualTo(ImportColumns.REGENCY);
        assertThat(located.problem().candidates()).contains("63.03 Kab. Banjar, Kalimantan Selatan");
    }

    @Test
    void aVillageCodeWinsOverNames() {
        VillageLocator.Located located = LOCATOR.locate(row(ImportColumns.VILLAGE_CODE, "63.03.05.1005",
                ImportColumns.VILLAGE, "Oebelo"));

        assertThat(located.code()).isEqualTo("63.03.05.1005");
    }
}
