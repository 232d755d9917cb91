package id.simpul.regions;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Indonesia's regions, read once from the dataset shipped in this jar ({@code regions/*.csv}, from
 * {@code seeds/regions}). Immutable: loading the same dataset twice yields the same regions. About half a second
 * and some 20 MB of heap for the 91,599 regions.
 */
public final class RegionDataset {

    /** The decree the codes follow: the dataset version. */
    public static final String DECREE = "Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025";
    public static final String SOURCE = "idn-area-data 4.0.1, Open Database License (ODbL) 1.0";
    private static final String ROOT = "regions/";
    private static final String PROVINCES = "";
    private static final List<String> PREFIXES = List.of(
            "provinsi ", "kabupaten ", "kota ", "kecamatan ", "desa ", "kelurahan ");
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "prov ", "provinsi ", "kab ", "kabupaten ", "kec ", "kecamatan ", "kel ", "kelurahan ");

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;
    private final Map<RegionLevel, Integer> counts;
    private final Map<String, Map<RegionLevel, Integer>> descendants;
    private final Map<String, String> searchNames;

    private RegionDataset(Map<String, Region> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        Map<String, List<Region>> childLists = new HashMap<>();
        Map<RegionLevel, Integer> levelCounts = new EnumMap<>(RegionLevel.class);
        Map<String, Map<RegionLevel, Integer>> below = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Region region : byCode.values()) {
            levelCounts.merge(region.level(), 1, Integer::sum);
            names.put(region.code(), normalise(region.name()));
            if (region.parentCode() != null) {
                childLists.computeIfAbsent(region.parentCode(), c -> new ArrayList<>()).add(region);
            }
            // Count the region under every region above it.
            for (String above = region.parentCode(); above != null; above = byCode.get(above).parentCode()) {
                below.computeIfAbsent(above, c -> new EnumMap<>(RegionLevel.class)).merge(region.level(), 1, Integer::sum);
            }
        }
        childLists.put(PROVINCES, new ArrayList<>(byCode.values().stream().filter(r -> r.level() == RegionLevel.PROVINCE).toList()));
        childLists.values().forEach(list -> list.sort(Comparator.comparing(Region::code)));
        childLists.replaceAll((code, list) -> List.copyOf(list));
        this.children = childLists;
        this.counts = levelCounts;
        this.descendants = below;
        this.searchNames = names;
    }

    /** Reads the dataset shipped in this jar. */
    public static RegionDataset load() {
        Map<String, IndonesianTimeZone> zones = new HashMap<>();
        read("province-timezones.csv", r -> zones.put(r.get("province_code"), IndonesianTimeZone.valueOf(r.get("time_zone"))));
        Map<String, Region> regions = new LinkedHashMap<>(100_000);
        read("provinces.csv", r -> add(regions, zones, r.get("code"), r.get("name"), null));
        read("regencies.csv", r -> add(regions, zones, r.get("code"), r.get("name"), r.get("province_code")));
        read("districts.csv", r -> add(regions, zones, r.get("code"), r.get("name"), r.get("regency_code")));
        read("villages.csv", r -> add(regions, zones, r.get("code"), r.get("name"), r.get("district_code")));
        return new RegionDataset(regions);
    }

    private static void add(Map<String, Region> regions, Map<String, IndonesianTimeZone> zones, String code, String name,
                            String parent) {
        String province = new RegionCode(code).province().value();
        IndonesianTimeZone zone = zones.get(province);
        if (zone == null) {
            throw new IllegalStateException("No time zone for province " + province);
        }
        if (parent != null && !regions.containsKey(parent)) {
            throw new IllegalStateException("Region " + code + " names unknown parent " + parent);
        }
        regions.put(code, new Region(code, name.strip(), RegionLevel.ofCode(code), parent, zone));
    }

    private static void read(String file, Consumer<CSVRecord> row) {
        try (InputStream in = RegionDataset.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalStateException("Region data " + ROOT + file + " is missing from the class path");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).forEach(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The regions directly below {@code code}, by code; the provinces for null. */
    public List<Region> children(String code) {
        return children.getOrDefault(code == null ? PROVINCES : code, List.of());
    }

    /** How many regions of each level lie below {@code code}. */
    public Map<RegionLevel, Integer> countsBelow(String code) {
        return Collections.unmodifiableMap(descendants.getOrDefault(code, Map.of()));
    }

    public int count(RegionLevel level) {
        return counts.getOrDefault(level, 0);
    }

    /** The region and those above it, from the province down. */
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        for (Region r = byCode.get(code); r != null; r = r.parentCode() == null ? null : byCode.get(r.parentCode())) {
            path.addFirst(r);
        }
        return path;
    }

    /**
     * Regions whose name contains {@code query} (ignoring case, punctuation and prefixes such as "Kabupaten"),
     * optionally of one level and within one region; exact names first, then names starting with the query, then
     * by level and code.
     */
    public List<Region> search(String query, RegionLevel level, String within) {
        String wanted = normalise(query);
        if (wanted.isEmpty()) {
            return List.of();
        }
        RegionCode scope = within == null ? null : new RegionCode(within);
        List<Region> found = new ArrayList<>();
        for (Region region : byCode.values()) {
            if ((level == null || region.level() == level)
                    && searchNames.get(region.code()).contains(wanted)
                    && (scope == null || new RegionCode(region.code()).isBelow(scope))) {
                found.add(region);
            }
        }
        found.sort(Comparator.comparingInt((Region r) -> rank(searchNames.get(r.code()), wanted))
                .thenComparing(Region::level).thenComparing(Region::code));
        return found;
    }

    /**
     * Regions of {@code level} under {@code within} (or anywhere, for null) whose name is {@code name}, ignoring
     * case, punctuation and prefixes: how a spreadsheet's region names are resolved to codes.
     */
    public List<Region> named(String name, RegionLevel level, String within) {
        String wanted = normalise(name);
        List<Region> candidates = within == null ? byCode.values().stream().filter(r -> r.level() == level).toList()
                : descendantsAt(within, level);
        List<Region> exact = candidates.stream().filter(r -> fullName(r.name()).equals(fullName(name))).toList();
        return exact.isEmpty() ? candidates.stream().filter(r -> searchNames.get(r.code()).equals(wanted)).toList() : exact;
    }

    private List<Region> descendantsAt(String code, RegionLevel level) {
        List<Region> current = List.of(byCode.get(code));
        while (!current.isEmpty() && current.getFirst().level() != level) {
            current = current.stream().flatMap(r -> children(r.code()).stream()).toList();
        }
        return current;
    }

    private static int rank(String name, String wanted) {
        return name.equals(wanted) ? 0 : name.startsWith(wanted) ? 1 : 2;
    }

    /** Lower case, letters and digits separated by single spaces, without an administrative prefix. */
    public static String normalise(String name) {
        String full = fullName(name);
        for (String prefix : PREFIXES) {
            if (full.startsWith(prefix)) {
                return full.substring(prefix.length()).strip();
            }
        }
        return full;
    }

    /** Lower case, letters and digits separated by single spaces, abbreviated prefixes spelled out. */
    private static String fullName(String name) {
        String text = name == null ? "" : name;
        // Accents go with their marks (NFKD); the 84,000 names of the dataset are nearly all plain ASCII already.
        String ascii = text.chars().allMatch(c -> c < 128) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String plain = lettersAndDigits(ascii.toLowerCase(Locale.ROOT));
        for (Map.Entry<String, String> abbreviation : ABBREVIATIONS.entrySet()) {
            if (plain.startsWith(abbreviation.getKey())) {
                return abbreviation.getValue() + plain.substring(abbreviation.getKey().length());
            }
        }
        return plain;
    }

    /** The runs of {@code a-z0-9} of {@code text}, separated by single spaces, none at either end. */
    private static String lettersAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
