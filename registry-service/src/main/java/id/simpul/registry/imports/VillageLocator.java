package id.simpul.registry.imports;

import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the village a row is in: by its code, or by its name with any of the names of its province, regency/city and
 * district that together leave one village. When the names fit several villages, the problem lists them and names
 * the column that tells them apart; when a name fits none, it lists the regions whose names begin alike.
 */
final class VillageLocator {

    /** The village's code, or why the row does not locate one. */
    record Located(String code, RowProblem problem) {

        static Located at(String code) {
            return new Located(code, null);
        }

        static Located because(RowProblem problem) {
            return new Located(null, problem);
        }
    }

    /** A level above the village and the column that names its region. */
    private record Level(String column, RegionLevel region) {
    }

    private static final List<Level> ABOVE = List.of(new Level(ImportColumns.PROVINCE, RegionLevel.PROVINCE),
            new Level(ImportColumns.REGENCY, RegionLevel.REGENCY), new Level(ImportColumns.DISTRICT, RegionLevel.DISTRICT));
    private static final int SIMILAR = 5;
    private static final int CANDIDATES = 10;
    private static final int NAMES_SHOWN = 5;

    private final RegionDataset regions;
    private final RegionNames names;

    VillageLocator(RegionDataset regions) {
        this.regions = regions;
        this.names = new RegionNames(regions);
    }

    Located locate(Spreadsheet.Row row) {
        String code = row.get(ImportColumns.VILLAGE_CODE);
        if (code != null) {
            Region region = regions.find(code).orElse(null);
            return region != null && region.level() == RegionLevel.VILLAGE ? Located.at(code)
                    : Located.because(new RowProblem(ImportColumns.VILLAGE_CODE, code + " is not a village or kelurahan code in "
                    + RegionDataset.DECREE + " (format PP.RR.DD.VVVV, e.g. 63.03.05.1001)"));
        }
        String village = row.get(ImportColumns.VILLAGE);
        if (village == null) {
            return Located.because(new RowProblem(ImportColumns.VILLAGE_CODE, "give the village code, or the name of the village ("
                    + ImportColumns.VILLAGE + ") with as many of " + ImportColumns.PROVINCE + ", " + ImportColumns.REGENCY
                    + " and " + ImportColumns.DISTRICT + " as make it the only one"));
        }
        List<Region> within = List.of();
        for (Level level : ABOVE) {
            String name = row.get(level.column());
            if (name != null) {
                List<Region> matches = names.named(name, level.region(), within);
                if (matches.isEmpty()) {
                    return Located.because(unknown(level.column(), name, level.region(), within));
                }
                within = matches;
            }
        }
        List<Region> villages = names.named(village, RegionLevel.VILLAGE, within);
        if (villages.isEmpty()) {
            return Located.because(unknown(ImportColumns.VILLAGE, village, RegionLevel.VILLAGE, within));
        }
        return villages.size() == 1 ? Located.at(villages.getFirst().code()) : Located.because(ambiguous(row, village, villages, within));
    }

    private RowProblem unknown(String column, String name, RegionLevel level, List<Region> within) {
        List<Region> similar = names.similar(name, level, within, SIMILAR);
        return new RowProblem(column, "'" + name + "' is no " + level.name().toLowerCase(Locale.ROOT) + " in " + where(within)
                + (similar.isEmpty() ? "" : "; did you mean one of the candidates?"), similar.stream().map(names::describe).toList());
    }

    /**
     * The villages a row's names fit, and the column to change: one the row gives whose regions have different
     * names (write the name whole: "Kota Kupang"), else the highest one it leaves out that tells them apart, else
     * one that narrows them down; the village code when they share every name.
     */
    private RowProblem ambiguous(Spreadsheet.Row row, String name, List<Region> villages, List<Region> within) {
        String matches = "'" + name + "' matches " + villages.size() + " villages in " + where(within) + "; ";
        List<String> candidates = villages.stream().limit(CANDIDATES).map(names::describe).toList();
        String listed = villages.size() > CANDIDATES ? " (the first " + CANDIDATES + " are listed)" : "";
        Level given = null;
        Level missing = null;
        Level narrowing = null;
        for (Level level : ABOVE) {
            int distinct = namesAbove(villages, level).size();
            boolean written = row.get(level.column()) != null;
            if (distinct == villages.size() && written && given == null) {
                given = level;
            } else if (distinct == villages.size() && !written && missing == null) {
                missing = level;
            } else if (distinct > 1 && !written && narrowing == null) {
                narrowing = level;
            }
        }
        String orCode = ", or give " + ImportColumns.VILLAGE_CODE + listed;
        if (given != null) {
            return new RowProblem(given.column(), matches + "write " + given.column() + " as one of "
                    + shown(namesAbove(villages, given)) + orCode, candidates);
        }
        Level telling = missing != null ? missing : narrowing;
        if (telling != null) {
            return new RowProblem(telling.column(), matches + telling.column() + (missing != null ? " tells them apart (" : " narrows them down (")
                    + shown(namesAbove(villages, telling)) + ")" + orCode, candidates);
        }
        return new RowProblem(ImportColumns.VILLAGE_CODE, matches + "they share every name, so give " + ImportColumns.VILLAGE_CODE
                + listed, candidates);
    }

    /** The names of the regions at {@code level} that the villages lie in, each once (compared as names are). */
    private List<String> namesAbove(List<Region> villages, Level level) {
        Map<String, String> distinct = new LinkedHashMap<>();
        villages.forEach(village -> {
            String above = names.at(village, level.region()).name();
            distinct.putIfAbsent(RegionNames.spelledOut(above), above);
        });
        return List.copyOf(distinct.values());
    }

    private static String shown(List<String> names) {
        return names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", ")) + (names.size() > NAMES_SHOWN ? ", …" : "");
    }

    private static String where(List<Region> within) {
        if (within.isEmpty()) {
            return "Indonesia";
        }
        String shown = within.stream().limit(NAMES_SHOWN).map(r -> r.name() + " (" + r.code() + ")").collect(Collectors.joining(" or "));
        return within.size() > NAMES_SHOWN ? shown + " or " + (within.size() - NAMES_SHOWN) + " more" : shown;
    }
}
