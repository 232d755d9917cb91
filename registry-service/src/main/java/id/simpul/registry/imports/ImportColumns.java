package id.simpul.registry.imports;

import id.simpul.registry.kim.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The columns of a KIM import: each has a name (as in the template) and the other names offices give it, in Bahasa
 * Indonesia or English. Header cells are compared ignoring case, spaces and punctuation ("Nama KIM" = nama_kim).
 */
final class ImportColumns {

    static final String NAME = "nama_kim";
    static final String VILLAGE_CODE = "kode_desa";
    static final String PROVINCE = "provinsi";
    static final String REGENCY = "kabupaten_kota";
    static final String DISTRICT = "kecamatan";
    static final String VILLAGE = "desa_kelurahan";
    static final String ADDRESS = "alamat";
    static final String FOUNDED_ON = "tanggal_berdiri";
    static final String SK_NUMBER = "nomor_sk";
    static final String SK_DATE = "tanggal_sk";
    static final String SK_ISSUER = "penerbit_sk";
    static final String CHAIR = "ketua";
    static final String SECRETARY = "sekretaris";
    static final String TREASURER = "bendahara";
    static final String SECTION_HEADS = "kepala_seksi";
    static final String MEMBER_COUNT = "jumlah_anggota";
    static final String PHONE = "telepon";
    static final String EMAIL = "email";
    static final String FOCUS_AREAS = "bidang_fokus";
    static final String KIM_ID_NUMBER = "nomor_kim_id";
    static final String STATUS = "status";
    static final String ROW_NUMBER = "no";

    /** How dates may be written: the template writes the first; the second is how offices in Indonesia write them. */
    static final String DATE_FORMS = "yyyy-mm-dd (2021-01-11) or dd/mm/yyyy (11/01/2021)";

    /** The media columns: one per medium, holding the address or handle. */
    static final Map<String, MediaType> MEDIA = mediaColumns();

    private static final Map<String, String> ALIASES = aliases();

    /** The template's columns, in order. */
    static List<String> template() {
        List<String> columns = new java.util.ArrayList<>(List.of(NAME, VILLAGE_CODE, PROVINCE, REGENCY, DISTRICT, VILLAGE,
                ADDRESS, FOUNDED_ON, SK_NUMBER, SK_DATE, SK_ISSUER, CHAIR, SECRETARY, TREASURER, SECTION_HEADS, MEMBER_COUNT,
                PHONE, EMAIL));
        columns.addAll(MEDIA.keySet());
        columns.addAll(List.of(FOCUS_AREAS, KIM_ID_NUMBER, STATUS));
        return columns;
    }

    /** The template's name for a header cell, or null when the column is not one of ours. */
    static String canonical(String header) {
        return ALIASES.get(normalise(header));
    }

    static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /**
     * The spreadsheet with its columns under their template names. Refused when a header matches no column, two
     * headers name the same column, or the name or the village (by code, or by name) is missing.
     */
    static Spreadsheet canonical(Spreadsheet sheet) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (String header : sheet.header()) {
            if (header.isBlank()) {
                continue;
            }
            String column = canonical(header);
            if (column == null) {
                unknown.add(header);
            } else if (names.containsValue(column)) {
                throw UnreadableFileException.badFile("Two columns mean " + column + ": keep one of them.");
            } else {
                names.put(header, column);
            }
        }
        if (!unknown.isEmpty()) {
            throw UnreadableFileException.badFile("Unknown column" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + ". The columns are: " + String.join(", ", template()) + " (see the template).");
        }
        List<String> missing = new java.util.ArrayList<>();
        if (!names.containsValue(NAME)) {
            missing.add(NAME);
        }
        if (!names.containsValue(VILLAGE_CODE) && !names.containsValue(VILLAGE)) {
            missing.add(VILLAGE_CODE + " (or " + VILLAGE + ", with " + PROVINCE + ", " + REGENCY + " or " + DISTRICT
                    + " where the village's name is not enough)");
        }
        if (!missing.isEmpty()) {
            throw UnreadableFileException.badFile("Missing column" + (missing.size() > 1 ? "s " : " ") + missing + ".");
        }
        if (sheet.rows().isEmpty()) {
            throw UnreadableFileException.badFile("The file has a header but no KIM rows.");
        }
        List<Spreadsheet.Row> rows = sheet.rows().stream().map(row -> {
            Map<String, String> cells = new LinkedHashMap<>();
            row.cells().forEach((header, value) -> {
                String column = names.get(header);
                if (column != null) {
                    cells.put(column, value);
                }
            });
            return new Spreadsheet.Row(row.number(), cells);
        }).toList();
        return new Spreadsheet(List.copyOf(names.values()), rows);
    }

    /** Every name a column may have, for the message about a header that matches none. */
    static Set<String> known() {
        return new TreeSet<>(template());
    }

    private static Map<String, MediaType> mediaColumns() {
        Map<String, MediaType> media = new LinkedHashMap<>();
        media.put("website", MediaType.WEBSITE);
        media.put("instagram", MediaType.INSTAGRAM);
        media.put("facebook", MediaType.FACEBOOK);
        media.put("youtube", MediaType.YOUTUBE);
        media.put("tiktok", MediaType.TIKTOK);
        media.put("x_twitter", MediaType.X);
        media.put("whatsapp", MediaType.WHATSAPP);
        media.put("radio", MediaType.RADIO);
        media.put("buletin", MediaType.BULLETIN);
        return media;
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new LinkedHashMap<>();
        alias(aliases, NAME, "nama", "name", "nama_kelompok", "kim");
        alias(aliases, VILLAGE_CODE, "kode_desa_kelurahan", "kode_wilayah", "kode_kemendagri", "village_code");
        alias(aliases, PROVINCE, "province", "prov");
        alias(aliases, REGENCY, "kabupaten", "kota", "kab_kota", "kabupaten_kota", "regency", "city");
        alias(aliases, DISTRICT, "district", "kec");
        alias(aliases, VILLAGE, "desa", "kelurahan", "village", "nama_desa");
        alias(aliases, ADDRESS, "address", "alamat_sekretariat");
        alias(aliases, FOUNDED_ON, "tanggal_pembentukan", "founded_on", "tgl_berdiri");
        alias(aliases, SK_NUMBER, "no_sk", "nomor_sk_pembentukan", "sk_number");
        alias(aliases, SK_DATE, "tgl_sk", "sk_date");
        alias(aliases, SK_ISSUER, "sk_issuer", "pejabat_penerbit_sk");
        alias(aliases, CHAIR, "chair", "nama_ketua");
        alias(aliases, SECRETARY, "secretary", "nama_sekretaris");
        alias(aliases, TREASURER, "treasurer", "nama_bendahara");
        alias(aliases, SECTION_HEADS, "section_heads", "seksi");
        alias(aliases, MEMBER_COUNT, "jml_anggota", "anggota", "member_count", "members");
        alias(aliases, PHONE, "phone", "no_hp", "no_telepon", "hp", "whatsapp_kontak");
        alias(aliases, EMAIL, "e_mail", "surel");
        alias(aliases, FOCUS_AREAS, "bidang", "fokus", "focus_areas");
        alias(aliases, KIM_ID_NUMBER, "no_kim_id", "kim_id", "kim_id_number");
        alias(aliases, STATUS, "status_kim");
        alias(aliases, ROW_NUMBER, "nomor_urut", "no_urut", "row");
        MEDIA.keySet().forEach(column -> alias(aliases, column));
        alias(aliases, "x_twitter", "x", "twitter");
        alias(aliases, "buletin", "bulletin");
        alias(aliases, "website", "situs", "web");
        return Map.copyOf(aliases);
    }

    private static void alias(Map<String, String> aliases, String column, String... others) {
        aliases.put(column, column);
        for (String other : others) {
            aliases.put(normalise(other), column);
        }
    }

    private ImportColumns() {
    }
}
