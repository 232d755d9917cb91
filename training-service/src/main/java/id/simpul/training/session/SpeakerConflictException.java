package id.simpul.training.session;

import java.time.LocalDateTime;

/** A speaker would be in two trainings at once; names the other training. */
public class SpeakerConflictException extends RuntimeException {

    public final SpeakerSchedule.Booking other;

    public SpeakerConflictException(String speakerKey, SpeakerSchedule.Booking other) {
        super("Speaker " + speakerKey.replaceFirst("^(email|name):", "").replaceFirst("^[0-9a-f-]{36}:", "")
                + " is already booked for training '" + other.title() + "' (" + other.trainingId() + ") from "
                + LocalDateTime.ofInstant(other.start(), other.timeZone().zone()) + " to "
                + LocalDateTime.ofInstant(other.end(), other.timeZone().zone()) + " " + other.timeZone());
        this.other = other;
    }
}
