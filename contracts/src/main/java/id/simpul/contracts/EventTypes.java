package id.simpul.contracts;

import java.util.List;

/**
 * Event type names (the CloudEvents {@code ce_type} header). Each names its schema file
 * {@code schemas/<type>.json} and example {@code examples/<type>.json}.
 */
public final class EventTypes {

    public static final String KIM_REGISTERED = "id.simpul.kim.registered.v1";
    public static final String KIM_UPDATED = "id.simpul.kim.updated.v1";
    public static final String KIM_STATUS_CHANGED = "id.simpul.kim.status-changed.v1";

    public static final String PROGRAMME_CREATED = "id.simpul.programme.created.v1";
    public static final String PROGRAMME_UPDATED = "id.simpul.programme.updated.v1";
    public static final String PARTNER_REGISTERED = "id.simpul.partner.registered.v1";
    public static final String PARTNER_UPDATED = "id.simpul.partner.updated.v1";
    public static final String TRAINING_DRAFTED = "id.simpul.training.drafted.v1";
    public static final String TRAINING_UPDATED = "id.simpul.training.updated.v1";
    public static final String TRAINING_SCHEDULED = "id.simpul.training.scheduled.v1";
    public static final String TRAINING_RESCHEDULED = "id.simpul.training.rescheduled.v1";
    public static final String TRAINING_CANCELLED = "id.simpul.training.cancelled.v1";
    public static final String TRAINING_COMPLETED = "id.simpul.training.completed.v1";
    public static final String PARTNER_INVITED = "id.simpul.partner.invited.v1";
    public static final String PARTNER_JOINED = "id.simpul.partner.joined.v1";
    public static final String PARTNER_DECLINED = "id.simpul.partner.declined.v1";
    public static final String PARTICIPANT_ENROLLED = "id.simpul.participant.enrolled.v1";
    public static final String PARTICIPANT_WAITLISTED = "id.simpul.participant.waitlisted.v1";
    public static final String PARTICIPANT_PROMOTED = "id.simpul.participant.promoted.v1";
    public static final String PARTICIPANT_WITHDREW = "id.simpul.participant.withdrew.v1";
    public static final String ATTENDANCE_RECORDED = "id.simpul.attendance.recorded.v1";
    public static final String OUTPUT_REPORTED = "id.simpul.output.reported.v1";
    public static final String OUTPUT_CORRECTED = "id.simpul.output.corrected.v1";
    public static final String OUTPUT_WITHDRAWN = "id.simpul.output.withdrawn.v1";

    public static List<String> all() {
        return List.of(KIM_REGISTERED, KIM_UPDATED, KIM_STATUS_CHANGED,
                PROGRAMME_CREATED, PROGRAMME_UPDATED, PARTNER_REGISTERED, PARTNER_UPDATED, TRAINING_DRAFTED, TRAINING_UPDATED, TRAINING_SCHEDULED, TRAINING_RESCHEDULED, TRAINING_CANCELLED, TRAINING_COMPLETED, PARTNER_INVITED, PARTNER_JOINED, PARTNER_DECLINED, PARTICIPANT_ENROLLED, PARTICIPANT_WAITLISTED, PARTICIPANT_PROMOTED, PARTICIPANT_WITHDREW, ATTENDANCE_RECORDED, OUTPUT_REPORTED, OUTPUT_CORRECTED,
                OUTPUT_WITHDRAWN);
    }

    private EventTypes() {
    }
}
