package id.simpul.systemtest;

import id.simpul.testinfra.AccessTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    static final List<String> COLUMNS = AccessTable.COLUMNS;
    static final Set<String> CELLS = AccessTable.CELLS;

    private static SimpulSystem system;
    private static Map<String, Map<String, List<String>>> tables;

    @BeforeAll
    static void read() {
        system = SimpulSystem.get();
        tables = AccessTable.ofCheckout();
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

}
