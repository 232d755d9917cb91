package id.simpul.reporting.projection;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One row per training ({@link Rows.Training}): its description (as drafted, scheduled or corrected), mode,
 * schedule and status; its invitations of partners; its enrolments of KIM participants with their attendance. Each
 * part, each invitation and each enrolment holds the version of the training that last changed it, so the
 * training's events may arrive twice or out of order.
 */
@Component
class TrainingProjection {

    private static final String DESCRIPTION = "description";
    private static final String MODE = "mode";
    private static final String SCHEDULE = "schedule";
    private static final String STATUS = "status";
    private static final String ATTENDANCE = "attendance";

    private final Places places;

    TrainingProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.TrainingDescribed event) {
        places.requireOptional(event.venueRegionCode(), "Training " + event.trainingId());
    }

    void check(Payloads.TrainingUpdated event) {
        places.requireOptional(event.venueRegionCode(), "Training " + event.trainingId());
    }

    void check(Payloads.EnrolmentChanged event) {
        places.requireVillage(event.villageCode(), "Enrolment " + event.enrolmentId());
    }

    Rows.Training described(Rows.Training training, Payloads.TrainingDescribed event, String status) {
        return change(training, event.programmeId(), event.version(), (next, stamps) -> {
            Rows.Training t = next;
            if (Stamps.claim(stamps, DESCRIPTION, event.version())) {
                t = t.withDescription(event.title(), event.topic(), event.venueRegionCode(), event.capacity());
            }
            // A correction does not change the mode, so it keeps a stamp of its own.
            if (Stamps.claim(stamps, MODE, event.version())) {
                t = t.withMode(event.mode());
            }
            if (Stamps.claim(stamps, SCHEDULE, event.version())) {
                t = t.withSchedule(event.timeZone(), event.start(), event.end(), event.localStart(), event.localEnd());
            }
            if (Stamps.claim(stamps, STATUS, event.version())) {
                t = t.withStatus(status, null);
            }
            return t.withDraftedAt(Stamps.earliest(t.draftedAt(), event.draftedAt()));
        });
    }

    /**
     * A corrected description. Figures place a training by its venue, so a venue in another region moves them there;
     * the participants a raised capacity seats come as promotions of their own.
     */
    Rows.Training updated(Rows.Training training, Payloads.TrainingUpdated event) {
        return change(training, event.programmeId(), event.version(), (next, stamps) ->
                Stamps.claim(stamps, DESCRIPTION, event.version())
                        ? next.withDescription(event.title(), event.topic(), event.venueRegionCode(), event.capacity())
                        : next);
    }

    Rows.Training rescheduled(Rows.Training training, Payloads.TrainingRescheduled event) {
        return change(training, event.programmeId(), event.version(), (next, stamps) ->
                Stamps.claim(stamps, SCHEDULE, event.version())
                        ? next.withSchedule(event.timeZone(), event.start(), event.end(), event.localStart(), event.localEnd())
                        : next);
    }

    Rows.Training ended(Rows.Training training, Payloads.TrainingEnded event, String status) {
        Instant at = event.completedAt() != null ? event.completedAt() : event.cancelledAt();
        return change(training, event.programmeId(), event.version(), (next, stamps) ->
                Stamps.claim(stamps, STATUS, event.version()) ? next.withStatus(status, at) : next);
    }

    Rows.Training invitation(Rows.Training training, Payloads.InvitationChanged event, String status) {
        return change(training, event.programmeId(), event.version(), (next, stamps) -> next.withPeople(
                element(next.invitations(), Rows.Invitation::id, event.invitationId(),
                        id -> new Rows.Invitation(id, null, null, null, null, null), invitation -> {
                            Map<String, Long> own = new HashMap<>(invitation.stamps());
                            if (!Stamps.claim(own, STATUS, event.version())) {
                                return invitation;
                            }
                            return new Rows.Invitation(invitation.id(), event.partnerId(), event.partnerType(), status,
                                    event.speakers() != null ? event.speakers() : invitation.speakers(), own);
                        }),
                next.enrolments()));
    }

    Rows.Training enrolment(Rows.Training training, Payloads.EnrolmentChanged event, String status) {
        return change(training, event.programmeId(), event.version(), (next, stamps) -> next.withPeople(next.invitations(),
                element(next.enrolments(), Rows.Enrolment::id, event.enrolmentId(), TrainingProjection::newEnrolment,
                        enrolment -> {
                            Map<String, Long> own = new HashMap<>(enrolment.stamps());
                            if (!Stamps.claim(own, STATUS, event.version())) {
                                return enrolment;
                            }
                            return new Rows.Enrolment(enrolment.id(), event.kimId(), event.villageCode(), status,
                                    enrolment.attended() == null ? Boolean.FALSE : enrolment.attended(),
                                    enrolment.attendedAt(), own);
                        })));
    }

    Rows.Training attendance(Rows.Training training, Payloads.AttendanceRecorded event) {
        return change(training, event.programmeId(), event.version(), (next, stamps) -> {
            List<Rows.Enrolment> enrolments = next.enrolments();
            for (Payloads.Attendee attendee : event.attendees()) {
                enrolments = element(enrolments, Rows.Enrolment::id, attendee.enrolmentId(),
                        TrainingProjection::newEnrolment, enrolment -> {
                            Map<String, Long> own = new HashMap<>(enrolment.stamps());
                            boolean claimed = Stamps.claim(own, ATTENDANCE, event.version());
                            return new Rows.Enrolment(enrolment.id(),
                                    claimed && enrolment.kimId() == null ? attendee.kimId() : enrolment.kimId(),
                                    enrolment.villageCode(), enrolment.status(),
                                    claimed ? Boolean.TRUE : enrolment.attended(),
                                    Stamps.earliest(enrolment.attendedAt(), event.recordedAt()), own);
                        });
            }
            return next.withPeople(next.invitations(), enrolments);
        });
    }

    /** What a change does to the row, given a copy of its stamps to claim parts in. */
    private interface Change {
        Rows.Training apply(Rows.Training training, Map<String, Long> stamps);
    }

    /** The programme (set by the first event), the change, and the newest version seen with the stamps claimed. */
    private static Rows.Training change(Rows.Training training, String programmeId, long version, Change change) {
        Rows.Training next = training.programmeId() == null ? training.withProgramme(programmeId) : training;
        Map<String, Long> stamps = new HashMap<>(next.stamps());
        next = change.apply(next, stamps);
        return next.withVersions(Stamps.seen(next.version(), version), stamps);
    }

    private static Rows.Enrolment newEnrolment(String id) {
        return new Rows.Enrolment(id, null, null, null, null, null, null);
    }

    /** The elements with the one that has {@code id} (added when absent) changed by {@code change}. */
    private static <T> List<T> element(List<T> elements, java.util.function.Function<T, String> idOf, String id,
                                       java.util.function.Function<String, T> added, UnaryOperator<T> change) {
        List<T> changed = new ArrayList<>(elements);
        for (int i = 0; i < changed.size(); i++) {
            if (id.equals(idOf.apply(changed.get(i)))) {
                changed.set(i, change.apply(changed.get(i)));
                return changed;
            }
        }
        changed.add(change.apply(added.apply(id)));
        return changed;
    }
}
