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

    /** A registered KIM as the edit form shows it. */
    static Map<String, String> values(Map<String, Object> kim) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String input : TEXT) {
            Object value = input.startsWith("media.") ? firstMedia(kim).get(input.substring(6)) : at(kim, input);
            values.put(input, value == null ? "" : value.toString());
        }
        values.put("focusAreas", kim.get("focusAreas") instanceof List<?> focus
                ? String.join(",", focus.stream().map(String::valueOf).toList()) : "");
        return values;
    }

    /**
     * The whole profile for a PUT: the KIM as read, with what the form shows replaced by what was typed (a cleared
     * input clears its field). What the form does not show stays as it is: section heads, the candidate criteria,
     * and the media channels after the first.
     */
    static Map<String, Object> update(Map<String, Object> current, MultiValueMap<String, String> fields) {
        Map<String, Object> typed = request(fields);
        typed.remove("status");
        Map<String, Object> update = new LinkedHashMap<>();
        for (String key : List.of("name", "villageCode", "address", "foundedOn", "memberCount", "kimIdNumber", "decree", "contact", "focusAreas")) {
            put(update, key, typed.get(key));
        }
        Map<String, Object> officers = new LinkedHashMap<>();
        if (typed.get("officers") instanceof Map<?, ?> typedOfficers) {
            typedOfficers.forEach((key, value) -> officers.put(key.toString(), value));
        }
        if (current.get("officers") instanceof Map<?, ?> currentOfficers && currentOfficers.get("sectionHeads") instanceof List<?> heads
                && !heads.isEmpty()) {
            officers.put("sectionHeads", heads.stream().map(head -> only((Map<?, ?>) head, "section", "name")).toList());
        }
        put(update, "officers", officers.isEmpty() ? null : officers);
        List<Object> media = new java.util.ArrayList<>();
        if (typed.get("mediaChannels") instanceof List<?> typedMedia) {
            media.addAll(typedMedia);
        }
        if (current.get("mediaChannels") instanceof List<?> currentMedia && currentMedia.size() > 1) {
            currentMedia.subList(1, currentMedia.size()).forEach(m -> media.add(only((Map<?, ?>) m, "type", "address", "followers")));
        }
        put(update, "mediaChannels", media.isEmpty() ? null : media);
        if (current.get("candidateCriteria") instanceof Map<?, ?> criteria) {
            update.put("candidateCriteria", only(criteria, "productive", "hasPotential", "active", "hasOwnMedia"));
        }
        return update;
    }

    private static Map<String, Object> only(Map<?, ?> from, String... keys) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String key : keys) {
            put(kept, key, from.get(key));
        }
        return kept;
    }

    private static Map<?, ?> firstMedia(Map<String, Object> kim) {
        return kim.get("mediaChannels") instanceof List<?> media && !media.isEmpty() && media.getFirst() instanceof Map<?, ?> first
                ? first : Map.of();
    }

    /** The value at a dotted path ({@code decree.number}), or null. */
    private static Object at(Map<String, Object> kim, String path) {
        Object value = kim;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return value;
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
