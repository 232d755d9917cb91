package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One document per training: its description (as drafted, scheduled or corrected), mode, schedule and status; its
 * invitations of partners; its enrolments of KIM participants with their attendance. Each part, each invitation and each enrolment holds the version of the
 * training that last changed it, so the training's events may arrive twice or out of order.
 */
@Component
class TrainingProjection {

    static final String INVITATIONS = "invitations";
    static final String ENROLMENTS = "enrolments";
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

    boolean described(Document training, Payloads.TrainingDescribed event, String status) {
        boolean changed = common(training, event.programmeId(), event.version());
        changed |= description(training, event.version(), event.title(), event.topic(), event.venueRegionCode(),
                event.capacity());
        // A correction does not change the mode, so it keeps a stamp of its own.
        changed |= Stamps.set(training, MODE, event.version(), new Document("mode", event.mode()));
        changed |= schedule(training, event.version(), event.timeZone(), event.start(), event.end(), event.localStart(),
                event.localEnd());
        changed |= status(training, event.version(), status, null);
        return Stamps.earliest(training, "draftedAt", event.draftedAt()) | changed;
    }

    /**
     * A corrected description. Figures place a training by its venue, so a venue in another region moves them there;
     * the participants a raised capacity seats come as promotions of their own.
     */
    boolean updated(Document training, Payloads.TrainingUpdated event) {
        boolean changed = common(training, event.programmeId(), event.version());
        return description(training, event.version(), event.title(), event.topic(), event.venueRegionCode(),
                event.capacity()) | changed;
    }

    boolean rescheduled(Document training, Payloads.TrainingRescheduled event) {
        boolean changed = common(training, event.programmeId(), event.version());
        return schedule(training, event.version(), event.timeZone(), event.start(), event.end(), event.localStart(),
                event.localEnd()) | changed;
    }

    boolean ended(Document training, Payloads.TrainingEnded event, String status) {
        boolean changed = common(training, event.programmeId(), event.version());
        Instant at = event.completedAt() != null ? event.completedAt() : event.cancelledAt();
        return status(training, event.version(), status, at) | changed;
    }

    boolean invitation(Document training, Payloads.InvitationChanged event, String status) {
        boolean changed = common(training, event.programmeId(), event.version());
        Document invitation = element(training, INVITATIONS, event.invitationId());
        if (!Stamps.claim(invitation, STATUS, event.version())) {
            return changed;
        }
        invitation.put("partnerId", event.partnerId());
        invitation.put("partnerType", event.partnerType());
        invitation.put("status", status);
        if (event.speakers() != null) {
            invitation.put("speakers", event.speakers());
        }
        return true;
    }

    boolean enrolment(Document training, Payloads.EnrolmentChanged event, String status) {
        boolean changed = common(training, event.programmeId(), event.version());
        Document enrolment = element(training, ENROLMENTS, event.enrolmentId());
        if (!Stamps.claim(enrolment, STATUS, event.version())) {
            return changed;
        }
        enrolment.put("kimId", event.kimId());
        enrolment.put("villageCode", event.villageCode());
        enrolment.put("status", status);
        enrolment.putIfAbsent("attended", false);
        return true;
    }

    boolean attendance(Document training, Payloads.AttendanceRecorded event) {
        boolean changed = common(training, event.programmeId(), event.version());
        for (Payloads.Attendee attendee : event.attendees()) {
            Document enrolment = element(training, ENROLMENTS, attendee.enrolmentId());
            if (Stamps.claim(enrolment, ATTENDANCE, event.version())) {
                enrolment.putIfAbsent("kimId", attendee.kimId());
                enrolment.put("attended", true);
                changed = true;
            }
            changed |= Stamps.earliest(enrolment, "attendedAt", event.recordedAt());
        }
        return changed;
    }

    private static boolean common(Document training, String programmeId, long version) {
        boolean changed = training.putIfAbsent("programmeId", programmeId) == null;
        return Stamps.seen(training, version) | changed;
    }

    private static boolean description(Document training, long version, String title, String topic, String venue,
                                       Integer capacity) {
        return Stamps.set(training, DESCRIPTION, version, new Document("title", title).append("topic", topic)
                .append("venueRegionCode", venue).append("capacity", capacity));
    }

    private static boolean schedule(Document training, long version, String timeZone, Instant start, Instant end,
                                    String localStart, String localEnd) {
        return Stamps.set(training, SCHEDULE, version, new Document("timeZone", timeZone).append("start", Stamps.date(start))
                .append("end", Stamps.date(end)).append("localStart", localStart).append("localEnd", localEnd));
    }

    private static boolean status(Document training, long version, String status, Instant at) {
        return Stamps.set(training, STATUS, version, new Document("status", status)
                .append("statusChangedAt", Stamps.date(at)));
    }

    /** The element of array {@code field} with {@code id}, added when absent. */
    private static Document element(Document training, String field, String id) {
        List<Document> elements = new ArrayList<>(training.getList(field, Document.class, List.of()));
        for (Document element : elements) {
            if (id.equals(element.getString("id"))) {
                training.put(field, elements);
                return element;
            }
        }
        Document added = new Document("id", id);
        elements.add(added);
        training.put(field, elements);
        return added;
    }
}
