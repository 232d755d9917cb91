package id.simpul.registry.imports;

import java.util.List;
import java.util.Map;

/**
 * A spreadsheet as offices send it, read into its header and rows; cell text is trimmed and empty cells are absent.
 *
 * @param header the column names as written in the first row
 */
record Spreadsheet(List<String> header, List<Row> rows) {

    /** One row: its number as the office sees it (the header is row 1) and its cells by column name. */
    record Row(int number, Map<String, String> cells) {

        String get(String column) {
            return cells.get(column);
        }

        boolean isBlank() {
            return cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }
    }
}
