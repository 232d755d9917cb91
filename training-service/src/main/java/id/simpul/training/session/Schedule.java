package id.simpul.training.session;

import id.simpul.regions.IndonesianTimeZone;
import org.jmolecules.ddd.annotation.ValueObject;

import java.time.Instant;
import java.time.LocalDateTime;

/** When a training takes place: instants, and the time zone of its venue in which people read them. */
@ValueObject
public record Schedule(Instant start, Instant end, IndonesianTimeZone timeZone) {

    /** A schedule from local times at the venue. */
    public static Schedule local(LocalDateTime start, LocalDateTime end, IndonesianTimeZone zone) {
        return new Schedule(start.atZone(zone.zone()).toInstant(), end.atZone(zone.zone()).toInstant(), zone);
    }

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(start, timeZone.zone());
    }

    public LocalDateTime localEnd() {
        return LocalDateTime.ofInstant(end, timeZone.zone());
    }

    public boolean overlaps(Schedule other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }
}
