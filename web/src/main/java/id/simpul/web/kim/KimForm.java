package id.simpul.web.kim;

import org.springframework.util.MultiValueMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register form's inputs and the registry request they make. Inputs are named as the API's fields
 * ({@code decree.number}); the one media channel of the form is {@code media.*}, the API's {@code mediaChannels[0].*}.
 * Values go as typed; a number that is not one is sent as written, so that the service names the field.
 */
final class KimForm {

    static final List<String> TEXT = List.of("name", "villageCode", "address", "foundedOn", "memberCount", "kimIdNumber",
            "decree.number", "decree.date", "decree.issuer", "contact.phone", "contact.email",
            "officers.chair", "officers.secretary", "officers.treasurer", "media.type", "media.address", "media.followers", "status");

    private KimForm() {
    }

    /** What was typed, to show the form again. */
    static Map<String, String> values(MultiValueMap<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String input : TEXT) {
            String value = fields.getFirst(input);
            values.put(input, value == null ? "" : value);
        }
        values.put("focusAreas", String.join(",", fields.getOrDefault("focusAreas", List.of())));
        return values;
    }

    static Map<String, Object> request(MultiValueMap<String, String> fields) {
        Map<String, Object> request = new LinkedHashMap<>();
        put(request, "name", text(fields, "name"));
        put(request, "villageCode", text(fields, "villageCode"));
        put(request, "address", text(fields, "address"));
        put(request, "foundedOn", text(fields, "foundedOn"));
        put(request, "memberCount", number(text(fields, "memberCount")));
        put(request, "kimIdNumber", text(fields, "kimIdNumber"));
        put(request, "status", "CANDIDATE".equals(text(fields, "status")) ? "CANDIDATE" : "SUBMITTED");
        put(request, "decree", group(fields, "decree", "number", "date", "issuer"));
        put(request, "contact", group(fields, "contact", "phone", "email"));
        put(request, "officers", group(fields, "officers", "chair", "secretary", "treasurer"));
        List<String> focus = fields.getOrDefault("focusAreas", List.of());
        if (!focus.isEmpty()) {
            request.put("focusAreas", focus);
        }
        Map<String, Object> media = group(fields, "media", "type", "address", "followers");
        if (media != null) {
            if (media.get("followers") instanceof String followers) {
                media.put("followers", number(followers));
            }
            request.put("mediaChannels", List.of(media));
        }
        return request;
    }

    /** The service's field names as the form's inputs. */
    static Map<String, String> errorsByInput(Map<String, String> byField) {
        Map<String, String> byInput = new LinkedHashMap<>();
        byField.forEach((field, message) -> byInput.putIfAbsent(field.replaceFirst("^mediaChannels(\\[0])?", "media"), message));
        return byInput;
    }

    private static Map<String, Object> group(MultiValueMap<String, String> fields, String prefix, String... names) {
        Map<String, Object> group = new LinkedHashMap<>();
        for (String name : names) {
            put(group, name, text(fields, prefix + "." + name));
        }
        return group.isEmpty() ? null : group;
    }

    private static String text(MultiValueMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Object number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
