package id.simpul.web.admin;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A replay as the letter's page asks for it. The payload box shows the letter's payload to edit: sent back unchanged
 * (or emptied) it is a replay of the record as it was; changed, it is the corrected payload, which must be a JSON
 * object (the service then checks it against the contract).
 */
final class Replays {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Replays() {
    }

    /** What the typed payload is not. */
    static final class NotJson extends Exception {
        NotJson(String message) {
            super(message);
        }
    }

    /** The body of {@code POST /api/admin/dead-letters/{id}/replay}. */
    static Map<String, Object> request(String typed, String original, String note) throws NotJson {
        Map<String, Object> request = new LinkedHashMap<>();
        String payload = typed == null ? "" : typed.strip();
        if (!payload.isEmpty() && !payload.equals(original == null ? null : original.strip())) {
            request.put("payload", object(payload));
        }
        if (note != null && !note.isBlank()) {
            request.put("note", note.strip());
        }
        return request;
    }

    /** The letter's payload when the service showed all of it ({@code payloadBytes} of it); null when cut short or absent. */
    static String shownPayload(Map<String, Object> letter) {
        if (!(letter.get("payload") instanceof String payload) || !(letter.get("payloadBytes") instanceof Number bytes)) {
            return null;
        }
        return payload.getBytes(StandardCharsets.UTF_8).length == bytes.longValue() ? payload : null;
    }

    private static Object object(String payload) throws NotJson {
        Object parsed;
        try {
            parsed = JSON.readValue(payload, Object.class);
        } catch (JacksonException e) {
            throw new NotJson(e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new NotJson("an event's payload is a JSON object");
        }
        return parsed;
    }
}
