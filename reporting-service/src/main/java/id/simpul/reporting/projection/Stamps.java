package id.simpul.reporting.projection;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Version stamps of the parts of a read-model row. An event changes a part only when its aggregate version is
 * newer than the one the part holds, which makes applying events idempotent and independent of their order.
 */
final class Stamps {

    /** Whether {@code version} is newer than {@code part}'s stamp in {@code stamps} (a copy of the row's); if so, stamps it. */
    static boolean claim(Map<String, Long> stamps, String part, long version) {
        Long stamped = stamps.get(part);
        if (stamped != null && stamped >= version) {
            return false;
        }
        stamps.put(part, version);
        return true;
    }

    /** The newest of the aggregate version seen and {@code version}. */
    static Long seen(Long stored, long version) {
        return stored == null || stored < version ? version : stored;
    }

    /** The latest of the stored time and {@code at}. */
    static Instant latest(Instant stored, Instant at) {
        return at != null && (stored == null || stored.isBefore(at)) ? at : stored;
    }

    /** The earliest of the stored time and {@code at}. */
    static Instant earliest(Instant stored, Instant at) {
        return at != null && (stored == null || stored.isAfter(at)) ? at : stored;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private Stamps() {
    }
}
