package id.simpul.training.session;

import id.simpul.training.common.RuleException;
import id.simpul.training.common.StateException;
import id.simpul.training.programme.ProgrammeId;
import id.simpul.training.session.TrainingEvents.AttendanceRecorded;
import id.simpul.training.session.TrainingEvents.ParticipantEnrolled;
import id.simpul.training.session.TrainingEvents.ParticipantPromoted;
import id.simpul.training.session.TrainingEvents.ParticipantWaitlisted;
import id.simpul.training.session.TrainingEvents.ParticipantWithdrew;
import id.simpul.training.session.TrainingEvents.PartnerDeclined;
import id.simpul.training.session.TrainingEvents.PartnerInvited;
import id.simpul.training.session.TrainingEvents.PartnerJoined;
import id.simpul.training.session.TrainingEvents.TrainingCancelled;
import id.simpul.training.session.TrainingEvents.TrainingCompleted;
import id.simpul.training.session.TrainingEvents.TrainingDrafted;
import id.simpul.training.session.TrainingEvents.TrainingRescheduled;
import id.simpul.training.session.TrainingEvents.TrainingScheduled;
import id.simpul.training.session.TrainingEvents.TrainingUpdated;
import id.simpul.training.common.Violation;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A training session of a programme: planned as a draft, scheduled for enrolment, completed or cancelled. It holds
 * the partners invited to brief it, and the participants KIMs send, who take seats up to the capacity and wait
 * beyond it, in order. Every command returns the events it causes; each event counts one version.
 */
@AggregateRoot
public final class Training {

    /**
     * The most seats a training has, and so the most participants one attendance record names: it keeps every
     * training event well inside the contract's size limit for a record.
     */
    public static final int MAX_CAPACITY = 1_000;

    @Identity
    private final TrainingId id;
    private final ProgrammeId programmeId;
    private String title;
    private String topic;
    private final TrainingMode mode;
    private Venue venue;
    private Schedule schedule;
    private int capacity;
    private Instant enrolmentDeadline;
    private List<Material> materials;
    private TrainingStatus status;
    private final List<Invitation> invitations;
    private final List<Enrolment> enrolments;
    private String statusReason;
    private long version;
    private final List<TrainingStep> history;

    private Training(TrainingId id, ProgrammeId programmeId, String title, String topic, TrainingMode mode, Venue venue,
                     Schedule schedule, int capacity, Instant enrolmentDeadline, List<Material> materials,
                     TrainingStatus status, List<Invitation> invitations, List<Enrolment> enrolments, String statusReason,
                     long version, List<TrainingStep> history) {
        this.history = new ArrayList<>(history);
        this.id = id;
        this.programmeId = programmeId;
        this.title = title;
        this.topic = topic;
        this.mode = mode;
        this.venue = venue;
        this.schedule = schedule;
        this.capacity = capacity;
        this.enrolmentDeadline = enrolmentDeadline;
        this.materials = List.copyOf(materials);
        this.status = status;
        this.invitations = new ArrayList<>(invitations);
        this.enrolments = new ArrayList<>(enrolments);
        this.statusReason = statusReason;
        this.version = version;
    }

    public record Drafting(Training training, TrainingDrafted event) {
    }

    /** A training is planned as a draft: its times in the venue's zone, a capacity, and when enrolment closes. */
    public static Drafting draft(TrainingId id, ProgrammeId programmeId, String title, String topic, TrainingMode mode,
                                 Venue venue, Schedule schedule, int capacity, Instant enrolmentDeadline,
                                 List<Material> materials, Instant now, Duration lateEntry) {
        checkTimes(schedule, enrolmentDeadline);
        checkNotPast("start", schedule, now, lateEntry);
        Training t = new Training(id, programmeId, title.strip(), topic.strip(), mode, venue, schedule, capacity,
                enrolmentDeadline == null ? schedule.start() : enrolmentDeadline, materials == null ? List.of() : materials,
                TrainingStatus.DRAFT, List.of(), List.of(), null, 0, List.of());
        t.version++;
        return new Drafting(t, new TrainingDrafted(id, t.version, programmeId, t.title, t.topic, mode, venue.regionCode(),
                schedule.timeZone(), schedule.start(), schedule.end(), schedule.localStart(), schedule.localEnd(), capacity, now));
    }

    private static void checkTimes(Schedule schedule, Instant enrolmentDeadline) {
        if (!schedule.end().isAfter(schedule.start())) {
            throw new RuleException("end", "must be after start");
        }
        if (enrolmentDeadline != null && enrolmentDeadline.isAfter(schedule.start())) {
            throw new RuleException("enrolmentDeadline", "must not be after the start of the training");
        }
    }

    /**
     * A training is planned for the future: its start may lie at most {@code lateEntry} before now, so that one
     * that has just begun (or, for records entered afterwards, took place lately) can still be entered.
     */
    private static void checkNotPast(String field, Schedule schedule, Instant now, Duration lateEntry) {
        if (schedule.start().isBefore(now.minus(lateEntry))) {
            throw new RuleException(field, "must not be in the past: it is " + schedule.localStart() + " " + schedule.timeZone()
                    + " at the venue, and now it is " + LocalDateTime.ofInstant(now, schedule.timeZone().zone())
                    .truncatedTo(ChronoUnit.MINUTES) + " there");
        }
    }

    /** Opens a draft for enrolment; a draft whose start has passed is rescheduled first. */
    public TrainingScheduled schedule(Instant now, Duration lateEntry) {
        requireStatus("schedule", TrainingStatus.DRAFT);
        checkNotPast("start", schedule, now, lateEntry);
        status = TrainingStatus.SCHEDULED;
        version++;
        return new TrainingScheduled(id, version, programmeId, title, topic, mode, venue.regionCode(), schedule.timeZone(),
                schedule.start(), schedule.end(), schedule.localStart(), schedule.localEnd(), capacity, now);
    }

    /**
     * Moves a draft or scheduled training to another time; its invitations and enrolments stay. Once attendance has
     * been recorded the training has taken place and keeps its time.
     */
    public TrainingRescheduled reschedule(Schedule newSchedule, Instant newDeadline, String reason, Instant now,
                                          Duration lateEntry) {
        requireOpen("reschedule");
        if (enrolments.stream().anyMatch(Enrolment::attended)) {
            throw new StateException("Attendance of this training has been recorded: it took place at "
                    + schedule.localStart() + " " + schedule.timeZone() + " and cannot move");
        }
        Instant deadline = newDeadline == null ? newSchedule.start() : newDeadline;
        checkTimes(newSchedule, deadline);
        checkNotPast("start", newSchedule, now, lateEntry);
        Schedule previous = schedule;
        schedule = newSchedule;
        enrolmentDeadline = deadline;
        version++;
        return new TrainingRescheduled(id, version, programmeId, newSchedule.timeZone(), newSchedule.start(), newSchedule.end(),
                newSchedule.localStart(), newSchedule.localEnd(), previous.start(), previous.end(), reason, now);
    }

    public TrainingCancelled cancel(String reason, Instant now) {
        if (status != TrainingStatus.DRAFT && status != TrainingStatus.SCHEDULED) {
            throw new StateException("A " + status + " training cannot be cancelled");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleException("reason", "is required to cancel a training");
        }
        status = TrainingStatus.CANCELLED;
        statusReason = reason.strip();
        version++;
        return new TrainingCancelled(id, version, programmeId, statusReason, now);
    }

    /** The training took place: every attendee gets a certificate with a verification code. */
    public TrainingCompleted complete(Supplier<String> certificateCodes, Instant now) {
        requireStatus("complete", TrainingStatus.SCHEDULED);
        requireStarted("be completed", now);
        int attendees = 0;
        for (int i = 0; i < enrolments.size(); i++) {
            Enrolment e = enrolments.get(i);
            if (e.attended()) {
                enrolments.set(i, e.certified(certificateCodes.get()));
                attendees++;
            }
        }
        status = TrainingStatus.COMPLETED;
        version++;
        return new TrainingCompleted(id, version, programmeId, attendees, now);
    }

    public PartnerInvited invite(InvitationId invitationId, PartnerRef partner, Instant now) {
        requireOpen("invite partners to");
        boolean pending = invitations.stream().anyMatch(i -> i.partner().partnerId().equals(partner.partnerId())
                && i.status() != Invitation.Status.DECLINED);
        if (pending) {
            throw new StateException(partner.name() + " is already invited to this training");
        }
        invitations.add(new Invitation(invitationId, partner, Invitation.Status.INVITED, List.of(), null, now, null));
        version++;
        return new PartnerInvited(id, version, programmeId, invitationId, partner.partnerId(), partner.type(), now);
    }

    public PartnerJoined accept(InvitationId invitationId, List<Speaker> speakers, Instant now) {
        Invitation invitation = pendingInvitation(invitationId);
        if (speakers == null || speakers.isEmpty()) {
            throw new RuleException("speakers", "name at least one speaker");
        }
        replace(invitation, new Invitation(invitationId, invitation.partner(), Invitation.Status.ACCEPTED, speakers, null,
                invitation.invitedAt(), now));
        version++;
        return new PartnerJoined(id, version, programmeId, invitationId, invitation.partner().partnerId(),
                invitation.partner().type(), speakers.size(), now);
    }

    public PartnerDeclined decline(InvitationId invitationId, String reason, Instant now) {
        Invitation invitation = pendingInvitation(invitationId);
        if (reason == null || reason.isBlank()) {
            throw new RuleException("reason", "is required to decline an invitation");
        }
        replace(invitation, new Invitation(invitationId, invitation.partner(), Invitation.Status.DECLINED, List.of(),
                reason.strip(), invitation.invitedAt(), now));
        version++;
        return new PartnerDeclined(id, version, programmeId, invitationId, invitation.partner().partnerId(),
                invitation.partner().type(), reason.strip(), now);
    }

    /**
     * Enrols a participant of an eligible KIM (the caller checks eligibility): a seat while there is one, the
     * waitlist otherwise. Enrolment closes at the deadline; the same person of the same KIM enrols once.
     */
    public Object enrol(EnrolmentId enrolmentId, String kimId, String kimName, String villageCode, Participant participant,
                        Instant now) {
        requireStatus("enrol in", TrainingStatus.SCHEDULED);
        if (now.isAfter(enrolmentDeadline)) {
            throw new StateException("Enrolment closed at " + java.time.LocalDateTime.ofInstant(enrolmentDeadline,
                    schedule.timeZone().zone()) + " " + schedule.timeZone());
        }
        if (active().anyMatch(e -> e.samePerson(kimId, participant))) {
            throw new StateException(participant.name() + " of this KIM is already enrolled in this training");
        }
        boolean seat = seated() < capacity;
        Enrolment enrolment = new Enrolment(enrolmentId, kimId, kimName, villageCode, participant,
                seat ? Enrolment.Status.ENROLLED : Enrolment.Status.WAITLISTED, now, seat ? now : null, null, false, null);
        enrolments.add(enrolment);
        version++;
        return seat
                ? new ParticipantEnrolled(id, version, programmeId, enrolmentId, kimId, villageCode, now)
                : new ParticipantWaitlisted(id, version, programmeId, enrolmentId, kimId, villageCode, waitlist().size(), now);
    }

    /** A participant withdraws; when a seat comes free, the first on the waitlist takes it. */
    public List<Object> withdraw(EnrolmentId enrolmentId, Instant now) {
        if (status == TrainingStatus.COMPLETED || status == TrainingStatus.CANCELLED) {
            throw new StateException("Nobody can withdraw from a " + status + " training");
        }
        Enrolment enrolment = enrolment(enrolmentId).filter(e -> e.status() != Enrolment.Status.WITHDRAWN)
                .orElseThrow(() -> new StateException("Enrolment " + enrolmentId.value() + " is already withdrawn"));
        List<Object> events = new ArrayList<>();
        set(enrolment.with(Enrolment.Status.WITHDRAWN, enrolment.seatedAt(), now));
        version++;
        events.add(new ParticipantWithdrew(id, version, programmeId, enrolmentId, enrolment.kimId(), enrolment.villageCode(),
                enrolment.status(), now));
        if (enrolment.status() == Enrolment.Status.ENROLLED) {
            waitlist().stream().findFirst().ifPresent(next -> {
                set(next.with(Enrolment.Status.ENROLLED, now, null));
                version++;
                events.add(new ParticipantPromoted(id, version, programmeId, next.id(), next.kimId(), next.villageCode(), now));
            });
        }
        return events;
    }

    /** Marks participants in seats as present; those already marked are left as they are. */
    public Optional<AttendanceRecorded> recordAttendance(Collection<EnrolmentId> present, Instant now) {
        requireStatus("record attendance of", TrainingStatus.SCHEDULED);
        requireStarted("have its attendance recorded", now);
        List<AttendanceRecorded.Attendee> attendees = new ArrayList<>();
        for (EnrolmentId enrolmentId : present) {
            Enrolment enrolment = enrolment(enrolmentId).orElseThrow(() -> new RuleException("enrolmentIds",
                    enrolmentId.value() + " is not an enrolment of this training"));
            if (enrolment.status() != Enrolment.Status.ENROLLED) {
                throw new RuleException("enrolmentIds", enrolment.participant().name() + " (" + enrolmentId.value()
                        + ") is " + enrolment.status() + ", not in a seat");
            }
            if (!enrolment.attended()) {
                set(enrolment.attending());
                attendees.add(new AttendanceRecorded.Attendee(enrolmentId, enrolment.kimId()));
            }
        }
        if (attendees.isEmpty()) {
            return Optional.empty();
        }
        version++;
        return Optional.of(new AttendanceRecorded(id, version, programmeId, attendees, now));
    }

    /** Attendance and completion are facts of a training that has begun. */
    private void requireStarted(String action, Instant now) {
        if (now.isBefore(schedule.start())) {
            throw new StateException("The training can " + action + " from its start at " + schedule.localStart() + " "
                    + schedule.timeZone() + " at the venue; it is " + LocalDateTime.ofInstant(now, schedule.timeZone().zone())
                    .truncatedTo(ChronoUnit.MINUTES) + " there now");
        }
    }

    /** What a correction sets; null leaves a field as it is. The venue's zone is checked by the caller. */
    public record Correction(String title, String topic, Venue venue, Integer capacity, Instant enrolmentDeadline,
                             List<Material> materials) {
    }

    /**
     * Corrects what was planned. Title, topic and materials can be corrected at any time; venue, capacity and the
     * enrolment deadline while the training is open. Capacity never falls below the seats taken; raised, it seats
     * those waiting, first come first. Returns TrainingUpdated, then a ParticipantPromoted per seat taken.
     */
    public List<Object> correct(Correction c, Instant now) {
        List<String> changed = new ArrayList<>();
        String newTitle = c.title() == null ? title : c.title().strip();
        String newTopic = c.topic() == null ? topic : c.topic().strip();
        List<Material> newMaterials = c.materials() == null ? materials : List.copyOf(c.materials());
        Venue newVenue = c.venue() == null ? venue : c.venue();
        int newCapacity = c.capacity() == null ? capacity : c.capacity();
        Instant newDeadline = c.enrolmentDeadline() == null ? enrolmentDeadline : c.enrolmentDeadline();
        mark(changed, "title", !newTitle.equals(title));
        mark(changed, "topic", !newTopic.equals(topic));
        mark(changed, "venue", !newVenue.equals(venue));
        mark(changed, "capacity", newCapacity != capacity);
        mark(changed, "enrolmentDeadline", !newDeadline.equals(enrolmentDeadline));
        mark(changed, "materials", !newMaterials.equals(materials));
        if (changed.isEmpty()) {
            return List.of();
        }
        List<String> planning = changed.stream().filter(List.of("venue", "capacity", "enrolmentDeadline")::contains).toList();
        if (!planning.isEmpty() && status != TrainingStatus.DRAFT && status != TrainingStatus.SCHEDULED) {
            throw new StateException("The " + String.join(", ", planning) + " of a " + status
                    + " training cannot change; its title, topic and materials can");
        }
        List<Violation> violations = new ArrayList<>();
        if (newCapacity < seated()) {
            violations.add(new Violation("capacity", "must not be below the " + seated() + " seats taken"));
        }
        if (newDeadline.isAfter(schedule.start())) {
            violations.add(new Violation("enrolmentDeadline", "must not be after the start of the training ("
                    + schedule.localStart() + " " + schedule.timeZone() + ")"));
        }
        if (mode != TrainingMode.ONLINE && newVenue.regionCode() == null) {
            violations.add(new Violation("venue.regionCode", "is required for an " + mode + " training"));
        }
        if (!violations.isEmpty()) {
            throw new RuleException(violations);
        }
        title = newTitle;
        topic = newTopic;
        materials = newMaterials;
        venue = newVenue;
        capacity = newCapacity;
        enrolmentDeadline = newDeadline;
        version++;
        List<Object> events = new ArrayList<>();
        events.add(new TrainingUpdated(id, version, programmeId, title, topic, venue.regionCode(), capacity,
                enrolmentDeadline, materials.size(), List.copyOf(changed), now));
        for (Enrolment next : waitlist()) {
            if (seated() >= capacity) {
                break;
            }
            set(next.with(Enrolment.Status.ENROLLED, now, null));
            version++;
            events.add(new ParticipantPromoted(id, version, programmeId, next.id(), next.kimId(), next.villageCode(), now));
        }
        return events;
    }

    private static void mark(List<String> changed, String field, boolean differs) {
        if (differs) {
            changed.add(field);
        }
    }

    private void requireStatus(String action, TrainingStatus required) {
        if (status != required) {
            throw new StateException("Cannot " + action + " a " + status + " training (it must be " + required + ")");
        }
    }

    private void requireOpen(String action) {
        if (status != TrainingStatus.DRAFT && status != TrainingStatus.SCHEDULED) {
            throw new StateException("Cannot " + action + " a " + status + " training");
        }
    }

    private Invitation pendingInvitation(InvitationId invitationId) {
        requireOpen("answer an invitation to");
        Invitation invitation = invitation(invitationId).orElseThrow();
        if (invitation.status() != Invitation.Status.INVITED) {
            throw new StateException("The invitation was already " + invitation.status());
        }
        return invitation;
    }

    private void replace(Invitation old, Invitation updated) {
        invitations.set(invitations.indexOf(old), updated);
    }

    private void set(Enrolment updated) {
        for (int i = 0; i < enrolments.size(); i++) {
            if (enrolments.get(i).id().equals(updated.id())) {
                enrolments.set(i, updated);
                return;
            }
        }
    }

    private java.util.stream.Stream<Enrolment> active() {
        return enrolments.stream().filter(e -> e.status() != Enrolment.Status.WITHDRAWN);
    }

    /** Participants in seats. */
    public long seated() {
        return enrolments.stream().filter(e -> e.status() == Enrolment.Status.ENROLLED).count();
    }

    /** The waitlist, first come first. */
    public List<Enrolment> waitlist() {
        return enrolments.stream().filter(e -> e.status() == Enrolment.Status.WAITLISTED).toList();
    }

    public Optional<Enrolment> enrolment(EnrolmentId enrolmentId) {
        return enrolments.stream().filter(e -> e.id().equals(enrolmentId)).findFirst();
    }

    public Optional<Invitation> invitation(InvitationId invitationId) {
        return invitations.stream().filter(i -> i.id().equals(invitationId)).findFirst();
    }

    /** Speakers of accepted invitations, with their partner. */
    public List<Booking> bookings() {
        return invitations.stream().filter(i -> i.status() == Invitation.Status.ACCEPTED)
                .flatMap(i -> i.speakers().stream().map(s -> new Booking(s, i.partner().partnerId()))).toList();
    }

    /** A speaker booked through a partner's accepted invitation. */
    public record Booking(Speaker speaker, String partnerId) {
        public String key() {
            return speaker.key(partnerId);
        }
    }

    public static Training restore(TrainingId id, ProgrammeId programmeId, String title, String topic, TrainingMode mode,
                                   Venue venue, Schedule schedule, int capacity, Instant enrolmentDeadline,
                                   List<Material> materials, TrainingStatus status, List<Invitation> invitations,
                                   List<Enrolment> enrolments, String statusReason, long version, List<TrainingStep> history) {
        return new Training(id, programmeId, title, topic, mode, venue, schedule, capacity, enrolmentDeadline, materials,
                status, invitations, enrolments, statusReason, version, history);
    }

    /** Who changed the training, when, and how: the application service records each change it stores. */
    public void recorded(TrainingStep step) {
        history.add(step);
    }

    public List<TrainingStep> history() {
        return List.copyOf(history);
    }

    public TrainingId id() {
        return id;
    }

    public ProgrammeId programmeId() {
        return programmeId;
    }

    public String title() {
        return title;
    }

    public String topic() {
        return topic;
    }

    public TrainingMode mode() {
        return mode;
    }

    public Venue venue() {
        return venue;
    }

    public Schedule schedule() {
        return schedule;
    }

    public int capacity() {
        return capacity;
    }

    public Instant enrolmentDeadline() {
        return enrolmentDeadline;
    }

    public List<Material> materials() {
        return materials;
    }

    public TrainingStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public List<Invitation> invitations() {
        return List.copyOf(invitations);
    }

    public List<Enrolment> enrolments() {
        return List.copyOf(enrolments);
    }

    public long version() {
        return version;
    }
}
