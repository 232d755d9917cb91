package id.simpul.registry.imports;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The import template: the columns in order and two example rows (by village code, and by region names). Dates are
 * written one way, yyyy-mm-dd; the reader takes dd/mm/yyyy as well.
 */
final class ImportTemplate {

    private static final List<Map<String, String>> EXAMPLES = List.of(
            Map.ofEntries(Map.entry(ImportColumns.NAME, "KIM Sungai Paring Peduli"),
                    Map.entry(ImportColumns.VILLAGE_CODE, "63.03.05.1005"),
                    Map.entry(ImportColumns.ADDRESS, "Jl. Sungai Paring No. 3, Martapura"),
                    Map.entry(ImportColumns.FOUNDED_ON, "2021-01-11"),
                    Map.entry(ImportColumns.SK_NUMBER, "12/SK/2021"), Map.entry(ImportColumns.SK_DATE, "2021-01-11"),
                    Map.entry(ImportColumns.SK_ISSUER, "Lurah Sungai Paring"), Map.entry(ImportColumns.CHAIR, "Siti Rahmah"),
                    Map.entry(ImportColumns.SECRETARY, "Budi Santoso"), Map.entry(ImportColumns.TREASURER, "Nur Aisyah"),
                    Map.entry(ImportColumns.SECTION_HEADS, "Seksi Konten: Rina; Seksi Usaha: Andi"),
                    Map.entry(ImportColumns.MEMBER_COUNT, "18"), Map.entry(ImportColumns.PHONE, "+62 812-5000-1000"),
                    Map.entry(ImportColumns.EMAIL, "kim.sungaiparing@example.id"),
                    Map.entry("instagram", "@kim.sungaiparing"), Map.entry(ImportColumns.FOCUS_AREAS, "Kesehatan, UMKM"),
                    Map.entry(ImportColumns.KIM_ID_NUMBER, "KIM-6303-0101"), Map.entry(ImportColumns.STATUS, "Diajukan")),
            Map.ofEntries(Map.entry(ImportColumns.NAME, "Komunitas Tani Kiram"), Map.entry(ImportColumns.PROVINCE, "Kalimantan Selatan"),
                    Map.entry(ImportColumns.REGENCY, "Kabupaten Banjar"), Map.entry(ImportColumns.DISTRICT, "Karang Intan"),
                    Map.entry(ImportColumns.VILLAGE, "Kiram"), Map.entry(ImportColumns.MEMBER_COUNT, "9"),
                    Map.entry("facebook", "https://facebook.com/tanikiram"), Map.entry(ImportColumns.FOCUS_AREAS, "Pertanian"),
                    Map.entry(ImportColumns.STATUS, "Calon")));

    static String csv() {
        List<String> columns = ImportColumns.template();
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, String> example : EXAMPLES) {
            csv.append(columns.stream().map(c -> quote(example.getOrDefault(c, ""))).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private ImportTemplate() {
    }
}
