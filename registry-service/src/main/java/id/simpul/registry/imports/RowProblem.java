package id.simpul.registry.imports;

import java.util.List;

/**
 * What is wrong with one cell of a row, by column; for region names that fit several villages or no region, the
 * candidates to choose from, each as its code and its names up to the province
 * ({@code 53.01.08.2010 Oebelo, Kec. Kupang Tengah, Kab. Kupang, Nusa Tenggara Timur}).
 */
record RowProblem(String column, String message, List<String> candidates) {

    RowProblem(String column, String message) {
        this(column, message, List.of());
    }
}
