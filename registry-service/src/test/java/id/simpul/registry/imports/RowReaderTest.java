package id.simpul.registry.imports;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static id.simpul.registry.imports.ImportFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

class RowReaderTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final RowReader READER = new RowReader(ImportFixtures.REGIONS, VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void aRowWithABadLocationABadMemberCountAndABadDateReportsAllThree() {
        RowReader.Read read = READER.read(row(ImportColumns.NAME, "KIM Oebelo", ImportColumns.PROVINCE, "Nusa Tenggara Timur",
                ImportColumns.VILLAGE, "Oebelo", ImportColumns.MEMBER_COUNT, "dua puluh", ImportColumns.FOUNDED_ON, "kemarin"));

        assertThat(read.request()).isNull();
        assertThat(read.name()).as("the name, for the report").isEqualTo("KIM Oebelo");
        assertThat(read.problems()).extracting(RowProblem::column)
                .containsExactlyInAnyOrder(ImportColumns.REGENCY, ImportColumns.MEMBER_COUNT, ImportColumns.FOUNDED_ON);
        assertThat(read.problems()).filteredOn(p -> p.column().equals(ImportColumns.REGENCY))
                .singleElement().satisfies(p -> assertThat(p.candidates()).hasSize(2));
    }

    @Test
    void aRowThatLocatesNoVillageStillHasItsOtherColumnsValidated() {
        RowReader.Read read = READER.read(row(ImportColumns.VILLAGE, "Desa Yang Tidak Ada", ImportColumns.MEMBER_COUNT, "0",
                ImportColumns.EMAIL, "bukan-email"));

        assertThat(read.problems()).extracting(RowProblem::column).containsExactlyInAnyOrder(ImportColumns.VILLAGE,
                ImportColumns.NAME, ImportColumns.MEMBER_COUNT, ImportColumns.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-01-11", "11/01/2021", "11/1/2021"})
    void datesAreReadInIsoFormAndDayFirst(String written) {
        RowReader.Read read = READER.read(row(ImportColumns.NAME, "KIM Kiram", ImportColumns.VILLAGE_CODE, "63.03.06.2001",
                ImportColumns.FOUNDED_ON, written));

        assertThat(read.problems()).isEmpty();
        assertThat(read.request().foundedOn()).isEqualTo(LocalDate.of(2021, 1, 11));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.01.2021", "11-01-2021", "2021/01/11", "11 Januari 2021", "kemarin"})
    void aDateInAnyOtherFormIsRefusedNamingBothForms(String written) {
        RowReader.Read read = READER.read(row(ImportColumns.NAME, "KIM Kiram", ImportColumns.VILLAGE_CODE, "63.03.06.2001",
                ImportColumns.SK_NUMBER, "1/SK/2021", ImportColumns.SK_DATE, written));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo(ImportColumns.SK_DATE);
            assertThat(problem.message()).isEqualTo("'" + written + "' is not a date; write dates as yyyy-mm-dd (2021-01-11) "
                    + "or dd/mm/yyyy (11/01/2021)");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-02-31", "31/02/2020"})
    void aDateInEitherFormThatIsNoDayIsRefusedAsSuch(String written) {
        RowReader.Read read = READER.read(row(ImportColumns.NAME, "KIM Kiram", ImportColumns.VILLAGE_CODE, "63.03.06.2001",
                ImportColumns.FOUNDED_ON, written));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo(ImportColumns.FOUNDED_ON);
            assertThat(problem.message()).startsWith("'" + written + "' is no day of the calendar; write dates as yyyy-mm-dd");
        });
    }
}
