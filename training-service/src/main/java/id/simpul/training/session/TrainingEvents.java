package id.simpul.training.session;

import id.simpul.regions.IndonesianTimeZone;
import id.simpul.training.programme.ProgrammeId;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** The events of a training; on the wire under the type names of the contract (see TrainingConfiguration). */
public final class TrainingEvents {

    /** What drafted and scheduled trainings carry: the training as planned. */
    @DomainEvent
    public record TrainingDrafted(TrainingId trainingId, long version, ProgrammeId programmeId, String title, String topic,
                                  TrainingMode mode, String venueRegionCode, IndonesianTimeZone timeZone, Instant start,
                                  Instant end, LocalDateTime localStart, LocalDateTime localEnd, int capacity,
                                  Instant draftedAt) {
    }

    @DomainEvent
    public record TrainingScheduled(TrainingId trainingId, long version, ProgrammeId programmeId, String title, String topic,
                                    TrainingMode mode, String venueRegionCode, IndonesianTimeZone timeZone, Instant start,
                                    Instant end, LocalDateTime localStart, LocalDateTime localEnd, int capacity,
                                    Instant scheduledAt) {
    }

    /** A correction of what was planned; {@code changed} names the fields it set, the others are as they stand. */
    @DomainEvent
    public record TrainingUpdated(TrainingId trainingId, long version, ProgrammeId programmeId, String title, String topic,
                                  String venueRegionCode, int capacity, Instant enrolmentDeadline, int materials,
                                  List<String> changed, Instant updatedAt) {
    }

    @DomainEvent
    public record TrainingRescheduled(TrainingId trainingId, long version, ProgrammeId programmeId,
                                      IndonesianTimeZone timeZone, Instant start, Instant end, LocalDateTime localStart,
                                      LocalDateTime localEnd, Instant previousStart, Instant previousEnd, String reason,
                                      Instant rescheduledAt) {
    }

    @DomainEvent
    public record TrainingCancelled(TrainingId trainingId, long version, ProgrammeId programmeId, String reason,
                                    Instant cancelledAt) {
    }

    @DomainEvent
    public record TrainingCompleted(TrainingId trainingId, long version, ProgrammeId programmeId, int attendees,
                                    Instant completedAt) {
    }

    @DomainEvent
    public record PartnerInvited(TrainingId trainingId, long version, ProgrammeId programmeId, InvitationId invitationId,
                                 String partnerId, String partnerType, Instant invitedAt) {
    }

    @DomainEvent
    public record PartnerJoined(TrainingId trainingId, long version, ProgrammeId programmeId, InvitationId invitationId,
                                String partnerId, String partnerType, int speakers, Instant joinedAt) {
    }

    @DomainEvent
    public record PartnerDeclined(TrainingId trainingId, long version, ProgrammeId programmeId, InvitationId invitationId,
                                  String partnerId, String partnerType, String reason, Instant declinedAt) {
    }

    @DomainEvent
    public record ParticipantEnrolled(TrainingId trainingId, long version, ProgrammeId programmeId, EnrolmentId enrolmentId,
                                      String kimId, String villageCode, Instant enrolledAt) {
    }

    @DomainEvent
    public record ParticipantWaitlisted(TrainingId trainingId, long version, ProgrammeId programmeId,
                                        EnrolmentId enrolmentId, String kimId, String villageCode, int position,
                                        Instant waitlistedAt) {
    }

    @DomainEvent
    public record ParticipantPromoted(TrainingId trainingId, long version, ProgrammeId programmeId, EnrolmentId enrolmentId,
                                      String kimId, String villageCode, Instant promotedAt) {
    }

    @DomainEvent
    public record ParticipantWithdrew(TrainingId trainingId, long version, ProgrammeId programmeId, EnrolmentId enrolmentId,
                                      String kimId, String villageCode, Enrolment.Status previousStatus,
                                      Instant withdrewAt) {
    }

    @DomainEvent
    public record AttendanceRecorded(TrainingId trainingId, long version, ProgrammeId programmeId, List<Attendee> attendees,
                                     Instant recordedAt) {

        /** One participant present. */
        public record Attendee(EnrolmentId enrolmentId, String kimId) {
        }
    }

    private TrainingEvents() {
    }
}
