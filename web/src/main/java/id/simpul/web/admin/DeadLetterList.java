package id.simpul.web.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters of several services as one list: the same page of each service's list (newest first), each
 * letter marked with its service, newest first again; a next page while any service has one.
 */
record DeadLetterList(List<Map<String, Object>> letters, Map<String, Long> totals, boolean more) {

    /** {@code pages}: each service's answer (a page of {@code GET /api/admin/dead-letters}) by the service's name. */
    static DeadLetterList of(Map<String, Map<String, Object>> pages) {
        List<Map<String, Object>> letters = new ArrayList<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        boolean more = false;
        for (var page : pages.entrySet()) {
            Map<String, Object> body = page.getValue();
            if (body.get("items") instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> letter) {
                        Map<String, Object> shown = new LinkedHashMap<>();
                        letter.forEach((key, value) -> shown.put(String.valueOf(key), value));
                        shown.put("service", page.getKey());
                        letters.add(shown);
                    }
                }
            }
            totals.put(page.getKey(), body.get("totalItems") instanceof Number n ? n.longValue() : 0L);
            more |= number(body.get("page")) + 1 < number(body.get("totalPages"));
        }
        letters.sort(Comparator.comparing((Map<String, Object> letter) -> instant(letter.get("deadLetteredAt"))).reversed());
        return new DeadLetterList(letters, totals, more);
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? Instant.MIN : Instant.parse(value.toString());
        } catch (DateTimeParseException notAnInstant) {
            return Instant.MIN;
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
