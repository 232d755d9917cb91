package id.simpul.registry.imports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class ImportTemplateTest {

    private static final Path SEEDS = Path.of("..", "seeds", "imports");
    private static final List<String> DATE_COLUMNS = List.of(ImportColumns.FOUNDED_ON, ImportColumns.SK_DATE);
    private static final String ISO = "\\d{4}-\\d{2}-\\d{2}";

    @Test
    void theTemplateWritesEveryDateAsYearMonthDay() throws IOException {
        List<Spreadsheet> templates = List.of(
                read("template.csv", ImportTemplate.csv().getBytes(StandardCharsets.UTF_8)),
                read("kim-import-template.csv", Files.readAllBytes(SEEDS.resolve("kim-import-template.csv"))),
                read("kim-import-template.xlsx", Files.readAllBytes(SEEDS.resolve("kim-import-template.xlsx"))));

        for (Spreadsheet template : templates) {
            assertThat(dates(template)).isNotEmpty().allMatch(date -> date.matches(ISO));
        }
    }

    @Test
    void theSampleWritesItsDatesAsYearMonthDayToo() throws IOException {
        Spreadsheet sample = read("kim-import-sample-kalsel.csv", Files.readAllBytes(SEEDS.resolve("kim-import-sample-kalsel.csv")));

        // Its deliberate mistakes ("kemarin") are no dates at all; none is written day first.
        assertThat(dates(sample)).hasSizeGreaterThan(500).noneMatch(date -> date.matches("\\d{1,2}/\\d{1,2}/\\d{4}"));
    }

    private static Spreadsheet read(String fileName, byte[] content) {
        return ImportColumns.canonical(SpreadsheetReader.read(fileName, content));
    }

    private static List<String> dates(Spreadsheet sheet) {
        return sheet.rows().stream().flatMap(row -> DATE_COLUMNS.stream().map(row::get)).filter(Objects::nonNull).toList();
    }
}
