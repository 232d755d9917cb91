package id.simpul.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/access.md has one row per operation of each running service, as its {@code /v3/api-docs} lists them, with a
 * cell of the documented vocabulary for every role and for anonymous callers: an operation added without deciding
 * who may call it, or a row left behind by a removed one, fails here.
 */
class AccessTableIT {

    static final List<String> COLUMNS = List.of("anonymous", "VIEWER", "KIM_OFFICER", "PARTNER", "PROGRAMME_MANAGER",
            "REGENCY_OFFICER", "PROVINCE_OFFICER", "MINISTRY_ADMIN", "OPERATOR");
    static final Set<String> CELLS = Set.of("yes", "no", "scope", "own", "four-eyes");

    private static SimpulSystem system;
    private static Map<String, Map<String, List<String>>> tables;

    @BeforeAll
    static void read() throws IOException {
        system = SimpulSystem.get();
        tables = tables(Files.readString(Path.of("..", "docs", "access.md"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry-service", "training-service", "reporting-service", "identity-service"})
    void everyOperationHasARowAndEveryRowAnOperation(String service) {
        Map<String, Object> paths = system.http(service).get("/v3/api-docs").json("$.paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> ((Map<String, Object>) methods).keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> operations.add(m.toUpperCase(java.util.Locale.ROOT) + " " + path)));
        Map<String, List<String>> rows = tables.get(service);

        assertThat(rows).as("a table for %s in docs/access.md", service).isNotNull();
        assertThat(rows.keySet()).as("the rows of %s in docs/access.md", service).containsExactlyInAnyOrderElementsOf(operations);
        rows.forEach((operation, cells) -> {
            assertThat(cells).as(operation).hasSize(COLUMNS.size());
            assertThat(cells).as(operation).allSatisfy(cell -> assertThat(CELLS).contains(cell));
            assertThat(cells.get(COLUMNS.indexOf("anonymous"))).as("%s anonymous is yes or no", operation).isIn("yes", "no");
        });
    }

    /** The tables under each "## service" heading: operation → its cells, in the order of {@link #COLUMNS}. */
    static Map<String, Map<String, List<String>>> tables(String markdown) {
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
                    current.put(operation, cells.subList(1, 1 + COLUMNS.size()));
                }
            }
        }
        return tables;
    }
}
