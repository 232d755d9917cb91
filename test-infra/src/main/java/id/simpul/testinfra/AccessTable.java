package id.simpul.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tables of docs/access.md, as the tests read them: per service, operation → its cells in {@link #COLUMNS} order. */
public final class AccessTable {

    public static final List<String> COLUMNS = List.of("anonymous", "VIEWER", "KIM_OFFICER", "PARTNER", "PROGRAMME_MANAGER",
            "REGENCY_OFFICER", "PROVINCE_OFFICER", "MINISTRY_ADMIN", "OPERATOR");
    public static final Set<String> CELLS = Set.of("yes", "no", "scope", "own", "four-eyes");

    private AccessTable() {
    }

    /** docs/access.md of the checkout, from a module's folder (where Maven runs its tests). */
    public static Map<String, Map<String, List<String>>> ofCheckout() {
        try {
            return parse(Files.readString(Path.of("..", "docs", "access.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables under each "## service" heading: operation → its cells, in the order of {@link #COLUMNS}. */
    public static Map<String, Map<String, List<String>>> parse(String markdown) {
        Map<String, Map<String, List<String>>> tables = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("## ")) {
                current = new LinkedHashMap<>();
                tables.put(line.substring(3).strip(), current);
            } else if (current != null && line.startsWith("| `")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                    cells.add(cell.strip());
                }
                String operation = cells.getFirst().replace("`", "");
                if (operation.matches("(GET|POST|PUT|PATCH|DELETE) /.*")) {
                    current.put(operation, List.copyOf(cells.subList(1, Math.min(cells.size(), 1 + COLUMNS.size()))));
                }
            }
        }
        return tables;
    }
}
