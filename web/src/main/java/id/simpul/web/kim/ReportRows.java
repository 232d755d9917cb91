package id.simpul.web.kim;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One row of an import's report as lines of the downloadable CSV: one line per problem (a row without problems, one
 * line), the candidates of a problem joined by " | ". A cell that a spreadsheet would take for a formula is quoted
 * with an apostrophe.
 */
final class ReportRows {

    private ReportRows() {
    }

    static void print(CSVPrinter out, Map<?, ?> row) throws IOException {
        List<?> problems = row.get("problems") instanceof List<?> p ? p : List.of();
        if (problems.isEmpty()) {
            out.printRecord(row.get("row"), row.get("outcome"), safe(row.get("name")), row.get("kimId"), "", "", "");
            return;
        }
        for (Object each : problems) {
            Map<?, ?> problem = (Map<?, ?>) each;
            List<?> candidates = problem.get("candidates") instanceof List<?> c ? c : List.of();
            out.printRecord(row.get("row"), row.get("outcome"), safe(row.get("name")), row.get("kimId"), problem.get("column"),
                    safe(problem.get("message")), safe(String.join(" | ", candidates.stream().map(String::valueOf).toList())));
        }
    }

    /** A cell as text, never a formula: one starting with =, +, -, @ or a tab is prefixed with an apostrophe. */
    static String safe(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
