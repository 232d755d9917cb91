package id.simpul.regions;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** Indonesia's three time zones; each province lies in one. */
public enum IndonesianTimeZone {
    WIB("Asia/Jakarta"), WITA("Asia/Makassar"), WIT("Asia/Jayapura");

    private final ZoneId zone;

    IndonesianTimeZone(String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** UTC+7, +8 or +9: Indonesia has no daylight saving time. */
    public ZoneOffset offset() {
        return zone.getRules().getOffset(java.time.Instant.EPOCH);
    }
}
