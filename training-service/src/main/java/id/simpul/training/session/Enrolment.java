package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

import java.time.Instant;
import java.util.Locale;

/**
 * A participant of a KIM in a training: in a seat (ENROLLED), waiting for one (WAITLISTED) or gone (WITHDRAWN);
 * whether they attended, and their certificate once the training completed.
 */
@ValueObject
public record Enrolment(EnrolmentId id, String kimId, String kimName, String villageCode, Participant participant,
                        Status status, Instant enrolledAt, Instant seatedAt, Instant withdrawnAt, boolean attended,
                        String certificateCode) {

    public enum Status { ENROLLED, WAITLISTED, WITHDRAWN }

    Enrolment with(Status newStatus, Instant seated, Instant withdrawn) {
        return new Enrolment(id, kimId, kimName, villageCode, participant, newStatus, enrolledAt, seated, withdrawn, attended,
                certificateCode);
    }

    Enrolment attending() {
        return new Enrolment(id, kimId, kimName, villageCode, participant, status, enrolledAt, seatedAt, withdrawnAt, true,
                certificateCode);
    }

    Enrolment certified(String code) {
        return new Enrolment(id, kimId, kimName, villageCode, participant, status, enrolledAt, seatedAt, withdrawnAt, attended, code);
    }

    /** The same person of the same KIM: a second enrolment of them is refused. */
    boolean samePerson(String otherKimId, Participant other) {
        return kimId.equals(otherKimId) && comparable(participant.name()).equals(comparable(other.name()));
    }

    /** A name as people compare names: case aside, and spaces however many (a sign-in sheet's "Ahmad  Fauzi"). */
    private static String comparable(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
