package id.simpul.training.session;

import id.simpul.regions.IndonesianTimeZone;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The trainings one speaker is booked for, across partners and programmes: one document per speaker, so that two
 * bookings of the same person cannot both slip in (single-document atomicity).
 */
@AggregateRoot
public final class SpeakerSchedule {

    /** One booking: which training, and when. */
    public record Booking(String trainingId, String title, Instant start, Instant end, IndonesianTimeZone timeZone) {

        Schedule schedule() {
            return new Schedule(start, end, timeZone);
        }
    }

    @Identity
    private final String speakerKey;
    private final List<Booking> bookings;
    private long version;

    private SpeakerSchedule(String speakerKey, List<Booking> bookings, long version) {
        this.speakerKey = speakerKey;
        this.bookings = new ArrayList<>(bookings);
        this.version = version;
    }

    public static SpeakerSchedule empty(String speakerKey) {
        return new SpeakerSchedule(speakerKey, List.of(), 0);
    }

    public static SpeakerSchedule restore(String speakerKey, List<Booking> bookings, long version) {
        return new SpeakerSchedule(speakerKey, bookings, version);
    }

    /** Another training of this speaker that overlaps {@code schedule}, if any. */
    public Optional<Booking> conflictWith(String trainingId, Schedule schedule) {
        return bookings.stream().filter(b -> !b.trainingId().equals(trainingId) && b.schedule().overlaps(schedule)).findFirst();
    }

    /** Books the speaker for a training (or moves the booking when the training moves). */
    public void book(String trainingId, String title, Schedule schedule) {
        conflictWith(trainingId, schedule).ifPresent(other -> {
            throw new SpeakerConflictException(speakerKey, other);
        });
        release(trainingId);
        bookings.add(new Booking(trainingId, title, schedule.start(), schedule.end(), schedule.timeZone()));
        version++;
    }

    public void release(String trainingId) {
        if (bookings.removeIf(b -> b.trainingId().equals(trainingId))) {
            version++;
        }
    }

    public Optional<Booking> bookingOf(String trainingId) {
        return bookings.stream().filter(b -> b.trainingId().equals(trainingId)).findFirst();
    }

    public String speakerKey() {
        return speakerKey;
    }

    public List<Booking> bookings() {
        return List.copyOf(bookings);
    }

    public long version() {
        return version;
    }
}
