package id.simpul.web.workspace;

import org.springframework.util.MultiValueMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page's form as the service's request. Inputs are named as the API's fields, dotted for nested objects
 * ({@code venue.regionCode}); what is left blank is left out, so the service applies its own rule (required, or
 * unchanged). Numbers go as numbers when they are numbers and as typed otherwise, so the service names the field.
 */
public final class Forms {

    private Forms() {
    }

    /** What was typed, to show the form again with the errors beside it. */
    public static Map<String, String> values(MultiValueMap<String, String> fields, List<String> inputs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String input : inputs) {
            String value = fields.getFirst(input);
            values.put(input, value == null ? "" : value);
        }
        return values;
    }

    /** The request: each input that is not blank, nested by its dots; {@code numbers} are sent as numbers. */
    public static Map<String, Object> request(MultiValueMap<String, String> fields, List<String> inputs, Set<String> numbers) {
        Map<String, Object> request = new LinkedHashMap<>();
        for (String input : inputs) {
            String value = fields.getFirst(input);
            if (value == null || value.isBlank()) {
                continue;
            }
            put(request, input, numbers.contains(input) ? number(value.strip()) : value.strip());
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> request, String path, Object value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            request.put(path, value);
            return;
        }
        Object inner = request.computeIfAbsent(path.substring(0, dot), key -> new LinkedHashMap<String, Object>());
        put((Map<String, Object>) inner, path.substring(dot + 1), value);
    }

    static Object number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }
}
