package id.simpul.web.workspace;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Instants as people read them: local time in the zone of the place (WIB, WITA, WIT), with the zone's name, as
 * {@code ${@times.at(step.at, 'WITA')}} in a page. Without a known zone the time is shown in WIB, named so.
 */
@Component("times")
public class Times {

    static final Map<String, ZoneId> ZONES = Map.of("WIB", ZoneId.of("Asia/Jakarta"), "WITA", ZoneId.of("Asia/Makassar"),
            "WIT", ZoneId.of("Asia/Jayapura"));
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The zone named WIB, WITA or WIT; WIB for any other name. */
    public static ZoneId zone(Object name) {
        return name != null && ZONES.containsKey(name.toString()) ? ZONES.get(name.toString()) : ZONES.get("WIB");
    }

    /** A time as training-service gives it ({@code local}, {@code timeZone}): the venue's local time and zone name. */
    public String local(Object time) {
        if (!(time instanceof Map<?, ?> t) || t.get("local") == null) {
            return "";
        }
        String local = t.get("local").toString().replace('T', ' ');
        String shown = local.length() > 16 ? local.substring(0, 16) : local;
        return t.get("timeZone") == null ? shown : shown + " " + t.get("timeZone");
    }

    /** The local time of a training time without zone, for a datetime-local input. */
    public String input(Object time) {
        if (!(time instanceof Map<?, ?> t) || t.get("local") == null) {
            return "";
        }
        String local = t.get("local").toString();
        return local.length() > 16 ? local.substring(0, 16) : local;
    }

    public String at(Object instant, Object zone) {
        if (instant == null) {
            return "";
        }
        String name = zone != null && ZONES.containsKey(zone.toString()) ? zone.toString() : "WIB";
        try {
            return SHOWN.format(Instant.parse(instant.toString()).atZone(ZONES.get(name))) + " " + name;
        } catch (DateTimeParseException notAnInstant) {
            return instant.toString();
        }
    }
}
