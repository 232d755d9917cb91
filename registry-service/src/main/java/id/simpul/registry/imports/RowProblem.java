package id.simpul.registry.imports;

import java.util.List;

/**
 * What is wrong with one cell of a row, by column; for a region name that matches several regions or none,
 * the candidates to choose from (code and name).
 */
record RowProblem(String column, String message, List<String> candidates) {

    RowProblem(String column, String message) {
        this(column, message, List.of());
    }
}
