package id.simpul.web.training;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A training's enrolments as its page lists them: the participants in a seat, the waitlist in its order, and those
 * who withdrew; and the invitation of one partner, for that partner's answer.
 */
record Enrolments(List<Map<String, Object>> seated, List<Map<String, Object>> waitlist, List<Map<String, Object>> withdrawn) {

    static Enrolments of(Map<String, Object> training) {
        List<Map<String, Object>> all = maps(training.get("enrolments"));
        return new Enrolments(withStatus(all, "ENROLLED"),
                withStatus(all, "WAITLISTED").stream().sorted(Comparator.comparing(e -> position(e.get("waitlistPosition")))).toList(),
                withStatus(all, "WITHDRAWN"));
    }

    /** The invitation of {@code partnerId} to the training, or null when it was not invited. */
    static Map<String, Object> invitationOf(Map<String, Object> training, String partnerId) {
        return maps(training.get("invitations")).stream()
                .filter(i -> i.get("partner") instanceof Map<?, ?> p && partnerId.equals(p.get("partnerId")))
                .findFirst().orElse(null);
    }

    private static List<Map<String, Object>> withStatus(List<Map<String, Object>> all, String status) {
        return all.stream().filter(e -> status.equals(e.get("status"))).toList();
    }

    private static long position(Object value) {
        return value instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }
}
