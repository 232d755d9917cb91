package id.simpul.registry.imports;

import id.simpul.platform.Text;
import id.simpul.regions.Region;
import id.simpul.regions.RegionCode;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dataset's regions by name, for rows that locate their village by names. Names compare as
 * {@link RegionDataset#named} compares them, after {@link Text#comparable}: case, spacing, punctuation, accents and
 * prefixes such as "Kabupaten" or "Kab." ignored, a name whose prefix also fits preferred. They are looked up in an
 * index, though: a row may name its village within a whole province or the whole country, and a scan of the dataset
 * for every such row would make a file of them slow.
 */
final class RegionNames {

    /**
     * The first word of a name, when it is an administrative prefix followed by more of the name; the prefixes and
     * their abbreviations are those {@link RegionDataset#normalise} leaves out (a test holds the two together).
     */
    private static final Pattern PREFIX = Pattern.compile("^[^a-z0-9]*([a-z]+)[^a-z0-9]+[a-z0-9]");
    private static final Map<String, String> PREFIXES = Map.of("provinsi", "provinsi", "prov", "provinsi",
            "kabupaten", "kabupaten", "kab", "kabupaten", "kota", "kota", "kecamatan", "kecamatan", "kec", "kecamatan",
            "desa", "desa", "kelurahan", "kelurahan", "kel", "kelurahan");

    private final RegionDataset regions;
    private Map<String, List<Region>> byName;

    RegionNames(RegionDataset regions) {
        this.regions = regions;
    }

    /**
     * The regions of {@code level} called {@code name} that lie in one of {@code within} (anywhere when it is empty);
     * those whose prefix is the one written too ("Kota Banjar" is not Kabupaten Banjar) when there are any.
     */
    List<Region> named(String name, RegionLevel level, Collection<Region> within) {
        List<Region> found = index().getOrDefault(RegionDataset.normalise(Text.comparable(name)), List.of()).stream()
                .filter(region -> region.level() == level && (within.isEmpty() || within.stream().anyMatch(w -> lies(region, w))))
                .toList();
        String prefix = prefix(name);
        List<Region> exact = found.stream().filter(region -> prefix(region.name()).equals(prefix)).toList();
        return exact.isEmpty() ? found : exact;
    }

    /**
     * Up to {@code limit} regions of {@code level} in {@code within} whose names hold the first four letters of
     * {@code name}, its prefix left out ("Kabupaten Banjir" finds Kabupaten Banjar).
     */
    List<Region> similar(String name, RegionLevel level, Collection<Region> within, int limit) {
        String plain = RegionDataset.normalise(Text.comparable(name));
        String start = plain.length() > 4 ? plain.substring(0, 4) : plain;
        List<Region> scopes = within.isEmpty() ? Collections.singletonList(null) : List.copyOf(within);
        return scopes.stream().flatMap(scope -> regions.search(start, level, scope == null ? null : scope.code()).stream())
                .distinct().limit(limit).toList();
    }

    /** The region above {@code region} at {@code level} (itself at its own level). */
    Region at(Region region, RegionLevel level) {
        return regions.path(region.code()).get(level.ordinal());
    }

    /** A name as it is compared when prefixes count: "Kab. Banjar" and "Kabupaten Banjar" are the same. */
    static String spelledOut(String name) {
        String prefix = prefix(name);
        return prefix.isEmpty() ? RegionDataset.normalise(name) : prefix + " " + RegionDataset.normalise(name);
    }

    /**
     * The region with its code and the names of the regions it lies in, as a candidate is shown:
     * {@code 53.01.08.2010 Oebelo, Kec. Kupang Tengah, Kab. Kupang, Nusa Tenggara Timur}.
     */
    String describe(Region region) {
        List<String> names = new ArrayList<>();
        for (Region r : regions.path(region.code())) {
            names.addFirst(switch (r.level()) {
                case REGENCY -> r.name().replaceFirst("^Kabupaten ", "Kab. ");
                case DISTRICT -> "Kec. " + r.name();
                default -> r.name();
            });
        }
        return region.code() + " " + String.join(", ", names);
    }

    /** The administrative word a name begins with, spelled out ("kab" is "kabupaten"), or "" for none. */
    private static String prefix(String name) {
        String plain = Normalizer.normalize(Text.comparable(name), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        Matcher word = PREFIX.matcher(plain);
        return word.find() ? PREFIXES.getOrDefault(word.group(1), "") : "";
    }

    /** The regions by their names without prefix; made at the first look-up (half a second), not at start-up. */
    private synchronized Map<String, List<Region>> index() {
        if (byName == null) {
            Map<String, List<Region>> index = new HashMap<>();
            Deque<Region> pending = new ArrayDeque<>(regions.children(null));
            while (!pending.isEmpty()) {
                Region region = pending.pop();
                index.computeIfAbsent(RegionDataset.normalise(region.name()), name -> new ArrayList<>()).add(region);
                pending.addAll(regions.children(region.code()));
            }
            index.replaceAll((name, found) -> List.copyOf(found));
            byName = index;
        }
        return byName;
    }

    private static boolean lies(Region region, Region within) {
        return new RegionCode(region.code()).isBelow(new RegionCode(within.code()));
    }
}
