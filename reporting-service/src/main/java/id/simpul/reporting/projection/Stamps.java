package id.simpul.reporting.projection;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * Version stamps of the parts of a read-model document. An event changes a part only when its aggregate version is
 * newer than the one the part holds, which makes applying events idempotent and independent of their order.
 */
final class Stamps {

    static final String STAMPS = "stamps";
    static final String VERSION = "version";

    /** Whether {@code version} is newer than {@code part}'s stamp in {@code holder}; if so, stamps it. */
    static boolean claim(Document holder, String part, long version) {
        Document stamps = holder.get(STAMPS, Document.class);
        if (stamps == null) {
            stamps = new Document();
            holder.put(STAMPS, stamps);
        }
        Number stamped = (Number) stamps.get(part);
        if (stamped != null && stamped.longValue() >= version) {
            return false;
        }
        stamps.put(part, version);
        return true;
    }

    /** Sets {@code fields} on {@code holder} when {@code version} is newer than {@code part}'s stamp; whether it did. */
    static boolean set(Document holder, String part, long version, Document fields) {
        if (!claim(holder, part, version)) {
            return false;
        }
        holder.putAll(fields);
        return true;
    }

    /** Keeps the newest aggregate version seen in {@code version}. */
    static boolean seen(Document document, long version) {
        Number stored = (Number) document.get(VERSION);
        if (stored == null || stored.longValue() < version) {
            document.put(VERSION, version);
            return true;
        }
        return false;
    }

    /** Keeps the latest of the stored time and {@code at} in {@code field}. */
    static boolean latest(Document document, String field, Instant at) {
        if (at == null) {
            return false;
        }
        Date stored = document.getDate(field);
        if (stored == null || stored.toInstant().isBefore(at)) {
            document.put(field, Date.from(at));
            return true;
        }
        return false;
    }

    /** Keeps the earliest of the stored time and {@code at} in {@code field}. */
    static boolean earliest(Document document, String field, Instant at) {
        if (at == null) {
            return false;
        }
        Date stored = document.getDate(field);
        if (stored == null || stored.toInstant().isAfter(at)) {
            document.put(field, Date.from(at));
            return true;
        }
        return false;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private Stamps() {
    }
}
