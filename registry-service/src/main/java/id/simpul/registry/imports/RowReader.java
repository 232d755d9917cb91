package id.simpul.registry.imports;

import id.simpul.platform.Text;
import id.simpul.regions.RegionDataset;
import id.simpul.registry.kim.FocusArea;
import id.simpul.registry.kim.KimRequest;
import id.simpul.registry.kim.KimStatus;
import id.simpul.registry.kim.MediaType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads one spreadsheet row into a KIM request, as the API would receive it, or into all the problems that keep it
 * out: cells that are not dates or numbers, region names that fit no region or several villages, and every rule the
 * API's validation applies (the same messages), each named by its column. A row whose village is not found still
 * has its other cells checked, so that one round of corrections is enough.
 */
final class RowReader {

    /**
     * A row read: either a request (and its status) or its problems; and the KIM's name as the row gives it (cleaned,
     * at most 200 characters; null without one), for the report.
     */
    record Read(KimRequest request, KimStatus status, List<RowProblem> problems, String name) {
    }

    /**
     * ISO dates, as the template writes them, and day-first dates, as offices in Indonesia write them; strict, so
     * that 31/02/2020 is no date.
     */
    private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-MM-dd", "d/M/uuuu")
            .map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
            .toList();

    private static final Map<String, FocusArea> FOCUS_NAMES = Map.ofEntries(
            Map.entry("umkm", FocusArea.UMKM), Map.entry("usaha", FocusArea.UMKM), Map.entry("pariwisata", FocusArea.TOURISM),
            Map.entry("wisata", FocusArea.TOURISM), Map.entry("pertanian", FocusArea.AGRICULTURE),
            Map.entry("perikanan", FocusArea.FISHERIES), Map.entry("kesehatan", FocusArea.HEALTH),
            Map.entry("pendidikan", FocusArea.EDUCATION), Map.entry("literasi", FocusArea.LITERACY),
            Map.entry("budaya", FocusArea.CULTURE), Map.entry("kebudayaan", FocusArea.CULTURE),
            Map.entry("lingkungan", FocusArea.ENVIRONMENT), Map.entry("lingkungan hidup", FocusArea.ENVIRONMENT),
            Map.entry("pelayanan publik", FocusArea.PUBLIC_SERVICES), Map.entry("ekonomi digital", FocusArea.DIGITAL_ECONOMY),
            Map.entry("lainnya", FocusArea.OTHER));

    /** Where the API's field names are in the spreadsheet. */
    private static final Map<String, String> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("name", ImportColumns.NAME), Map.entry("villageCode", ImportColumns.VILLAGE_CODE),
            Map.entry("address", ImportColumns.ADDRESS), Map.entry("foundedOn", ImportColumns.FOUNDED_ON),
            Map.entry("decree.number", ImportColumns.SK_NUMBER), Map.entry("decree.date", ImportColumns.SK_DATE),
            Map.entry("decree.issuer", ImportColumns.SK_ISSUER), Map.entry("officers.chair", ImportColumns.CHAIR),
            Map.entry("officers.secretary", ImportColumns.SECRETARY), Map.entry("officers.treasurer", ImportColumns.TREASURER),
            Map.entry("officers.sectionHeads", ImportColumns.SECTION_HEADS), Map.entry("memberCount", ImportColumns.MEMBER_COUNT),
            Map.entry("contact.phone", ImportColumns.PHONE), Map.entry("contact.email", ImportColumns.EMAIL),
            Map.entry("focusAreas", ImportColumns.FOCUS_AREAS), Map.entry("kimIdNumber", ImportColumns.KIM_ID_NUMBER),
            Map.entry("status", ImportColumns.STATUS), Map.entry("reason", ImportColumns.STATUS));

    private final VillageLocator villages;
    private final Validator validator;

    RowReader(RegionDataset regions, Validator validator) {
        this.villages = new VillageLocator(regions);
        this.validator = validator;
    }

    Read read(Spreadsheet.Row cells) {
        List<RowProblem> problems = new ArrayList<>();
        Spreadsheet.Row row = normalised(cells, problems);
        Set<String> refused = new java.util.HashSet<>(problems.stream().map(RowProblem::column).toList());
        VillageLocator.Located village = villages.locate(row);
        if (village.problem() != null) {
            // The location's problem says what is wrong; the empty code it leaves is no problem of its own.
            problems.add(village.problem());
            refused.add(ImportColumns.VILLAGE_CODE);
        }
        String villageCode = village.code();
        LocalDate foundedOn = date(row, ImportColumns.FOUNDED_ON, problems);
        LocalDate skDate = date(row, ImportColumns.SK_DATE, problems);
        Integer members = number(row, ImportColumns.MEMBER_COUNT, problems);
        Set<FocusArea> focus = focusAreas(row, problems);
        KimStatus status = status(row, problems);
        List<KimRequest.MediaRequest> media = new ArrayList<>();
        ImportColumns.MEDIA.forEach((column, type) -> {
            String address = row.get(column);
            if (address != null) {
                media.add(new KimRequest.MediaRequest(type, address, null));
            }
        });
        KimRequest request = new KimRequest(row.get(ImportColumns.NAME), villageCode, row.get(ImportColumns.ADDRESS), foundedOn,
                anyOf(row, ImportColumns.SK_NUMBER, ImportColumns.SK_DATE, ImportColumns.SK_ISSUER)
                        ? new KimRequest.DecreeRequest(row.get(ImportColumns.SK_NUMBER), skDate, row.get(ImportColumns.SK_ISSUER)) : null,
                anyOf(row, ImportColumns.CHAIR, ImportColumns.SECRETARY, ImportColumns.TREASURER, ImportColumns.SECTION_HEADS)
                        ? new KimRequest.OfficersRequest(row.get(ImportColumns.CHAIR), row.get(ImportColumns.SECRETARY),
                        row.get(ImportColumns.TREASURER), sectionHeads(row, problems)) : null,
                members,
                anyOf(row, ImportColumns.PHONE, ImportColumns.EMAIL)
                        ? new KimRequest.ContactRequest(row.get(ImportColumns.PHONE), row.get(ImportColumns.EMAIL)) : null,
                media, focus, row.get(ImportColumns.KIM_ID_NUMBER), null, null);
        for (ConstraintViolation<KimRequest> violation : validator.validate(request)) {
            String column = column(violation.getPropertyPath().toString(), media);
            if (!refused.contains(column)) {
                problems.add(new RowProblem(column, violation.getMessage()));
            }
        }
        String name = row.get(ImportColumns.NAME);
        return new Read(problems.isEmpty() ? request : null, status, List.copyOf(problems),
                name == null ? null : name.substring(0, Math.min(name.length(), 200)));
    }

    /**
     * The row's cells as text is kept everywhere ({@link Text#normalise}: NFC, invisible characters removed); a cell
     * holding a control character or a bidirectional override is a problem of its column and left out; one that shows
 * nothing is empty.
     */
    private static Spreadsheet.Row normalised(Spreadsheet.Row row, List<RowProblem> problems) {
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        row.cells().forEach((column, value) -> {
            String problem = Text.characterProblem(value);
            if (problem != null) {
                problems.add(new RowProblem(column, problem));
                return;
            }
            // A cell of nothing but (no-break) spaces and invisible characters is an empty cell, as it looks.
            String text = Text.comparable(value).isEmpty() ? null : Text.normalise(value);
            if (text != null) {
                cells.put(column, text);
            }
        });
        return new Spreadsheet.Row(row.number(), cells);
    }

    /** The API field a problem names, as the column that holds it. */
    static String column(String field, List<KimRequest.MediaRequest> media) {
        if (field.startsWith("mediaChannels[")) {
            int index = Integer.parseInt(field.substring("mediaChannels[".length(), field.indexOf(']')));
            MediaType type = media.get(index).type();
            return ImportColumns.MEDIA.entrySet().stream().filter(e -> e.getValue() == type).findFirst().orElseThrow().getKey();
        }
        String base = field.replaceAll("\\[\\d+].*$", "").replaceAll("<[^>]*>", "");
        return FIELD_COLUMNS.getOrDefault(base, FIELD_COLUMNS.getOrDefault(base.split("\\.")[0], base));
    }

    private static LocalDate date(Spreadsheet.Row row, String column, List<RowProblem> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        boolean written = false;
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisOne) {
                // try the next way of writing dates, remembering whether this one was meant
                ParsePosition end = new ParsePosition(0);
                written |= format.parseUnresolved(text, end) != null && end.getIndex() == text.length();
            }
        }
        problems.add(new RowProblem(column, "'" + text + (written ? "' is no day of the calendar" : "' is not a date")
                + "; write dates as " + ImportColumns.DATE_FORMS));
        return null;
    }

    private static Integer number(Spreadsheet.Row row, String column, List<RowProblem> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.replace(".", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(column, "'" + text + "' is not a whole number"));
            return null;
        }
    }

    private static Set<FocusArea> focusAreas(Spreadsheet.Row row, List<RowProblem> problems) {
        String text = row.get(ImportColumns.FOCUS_AREAS);
        if (text == null) {
            return Set.of();
        }
        Set<FocusArea> areas = EnumSet.noneOf(FocusArea.class);
        Set<String> unknown = new LinkedHashSet<>();
        for (String part : text.split("[,;/]")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            FocusArea area = FOCUS_NAMES.get(name);
            if (area == null) {
                area = java.util.Arrays.stream(FocusArea.values())
                        .filter(f -> f.name().equalsIgnoreCase(name.replace(' ', '_'))).findFirst().orElse(null);
            }
            if (area == null) {
                unknown.add(part.strip());
            } else {
                areas.add(area);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new RowProblem(ImportColumns.FOCUS_AREAS, "unknown focus area " + unknown
                    + "; use UMKM, Pariwisata, Pertanian, Perikanan, Kesehatan, Pendidikan, Literasi, Budaya, Lingkungan, "
                    + "Pelayanan Publik, Ekonomi Digital or Lainnya"));
        }
        return areas;
    }

    private static KimStatus status(Spreadsheet.Row row, List<RowProblem> problems) {
        String text = row.get(ImportColumns.STATUS);
        if (text == null) {
            return KimStatus.SUBMITTED;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "submitted", "diajukan", "kim" -> KimStatus.SUBMITTED;
            case "candidate", "calon", "calon kim", "kandidat" -> KimStatus.CANDIDATE;
            default -> {
                problems.add(new RowProblem(ImportColumns.STATUS, "'" + text + "' is not a status for an import; "
                        + "write Diajukan (SUBMITTED) or Calon (CANDIDATE), or leave it empty"));
                yield KimStatus.SUBMITTED;
            }
        };
    }

    /** "Seksi Humas: Budi; Seksi Usaha: Sari". */
    private static List<KimRequest.SectionHeadRequest> sectionHeads(Spreadsheet.Row row, List<RowProblem> problems) {
        String text = row.get(ImportColumns.SECTION_HEADS);
        if (text == null) {
            return List.of();
        }
        List<KimRequest.SectionHeadRequest> heads = new ArrayList<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] sectionAndName = part.split(":", 2);
            if (sectionAndName.length != 2) {
                problems.add(new RowProblem(ImportColumns.SECTION_HEADS, "write each as 'Seksi Humas: Budi', separated by ;"));
                return List.of();
            }
            heads.add(new KimRequest.SectionHeadRequest(sectionAndName[0].strip(), sectionAndName[1].strip()));
        }
        return heads;
    }

    private static boolean anyOf(Spreadsheet.Row row, String... columns) {
        for (String column : columns) {
            if (row.get(column) != null) {
                return true;
            }
        }
        return false;
    }
}
