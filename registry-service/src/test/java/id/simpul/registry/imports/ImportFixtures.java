package id.simpul.registry.imports;

import id.simpul.regions.RegionDataset;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the import's unit tests share: the region dataset, read once, and rows written as column and value pairs. */
final class ImportFixtures {

    static final RegionDataset REGIONS = RegionDataset.load();

    static Spreadsheet.Row row(String... columnsAndValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new Spreadsheet.Row(2, cells);
    }

    private ImportFixtures() {
    }
}
