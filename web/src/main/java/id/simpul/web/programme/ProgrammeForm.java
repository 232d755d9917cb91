package id.simpul.web.programme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A programme as its form shows it, and the service's field names as the form's inputs. */
final class ProgrammeForm {

    private ProgrammeForm() {
    }

    static Map<String, String> values(Map<String, Object> programme) {
        Map<String, String> values = new LinkedHashMap<>();
        ProgrammePages.INPUTS.forEach(input -> values.put(input, ""));
        values.put("title", text(programme.get("title")));
        values.put("theme", text(programme.get("theme")));
        if (programme.get("organiser") instanceof Map<?, ?> organiser) {
            values.put("organiser.level", text(organiser.get("level")));
            values.put("organiser.regionCode", text(organiser.get("regionCode")));
            values.put("organiser.name", text(organiser.get("name")));
        }
        values.put("period.start", text(programme.get("periodStart")));
        values.put("period.end", text(programme.get("periodEnd")));
        if (programme.get("targets") instanceof Map<?, ?> targets) {
            for (String target : List.of("trainings", "kimsTrained", "outputs", "peopleReached")) {
                values.put("targets." + target, text(targets.get(target)));
            }
        }
        values.put("targetRegions", programme.get("targetRegions") instanceof List<?> regions
                ? String.join(", ", regions.stream().map(String::valueOf).toList()) : "");
        return values;
    }

    /** {@code targetRegions[2]} is the one input {@code targetRegions}. */
    static Map<String, String> errorsByInput(Map<String, String> byField) {
        Map<String, String> byInput = new LinkedHashMap<>();
        byField.forEach((field, message) -> byInput.putIfAbsent(field.replaceFirst("^targetRegions\\[\\d+]", "targetRegions"), message));
        return byInput;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
