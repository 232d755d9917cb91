package id.simpul.reporting.projection;

import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * reporting-service's reading of the events it projects: only what its figures need, tolerant of added fields. A
 * payload without an identifier or version it needs cannot be placed and fails to read (dead-lettered).
 */
final class Payloads {

    /** {@code id.simpul.kim.registered.v1} and {@code id.simpul.kim.updated.v1}: the public profile as it is. */
    @DomainEvent
    record KimSnapshot(String kimId, long version, String name, String villageCode, String status, List<String> focusAreas,
                       List<Media> mediaChannels, Integer memberCount, Instant registeredAt, Instant updatedAt) {

        KimSnapshot {
            required(kimId, "kimId");
            required(villageCode, "villageCode");
            required(status, "status");
            focusAreas = focusAreas == null ? List.of() : focusAreas;
            mediaChannels = mediaChannels == null ? List.of() : mediaChannels;
        }

        Instant at() {
            return updatedAt != null ? updatedAt : registeredAt;
        }
    }

    record Media(String type, Integer followers) {
    }

    /** {@code id.simpul.kim.status-changed.v1}. */
    @DomainEvent
    record KimStatusChanged(String kimId, long version, String name, String villageCode, String status, Instant changedAt) {

        KimStatusChanged {
            required(kimId, "kimId");
            required(villageCode, "villageCode");
            required(status, "status");
        }
    }

    /** {@code id.simpul.programme.created.v1}. */
    @DomainEvent
    record ProgrammeCreated(String programmeId, long version, String title, String theme, Organiser organiser,
                            String periodStart, String periodEnd, List<String> targetRegions, Targets targets,
                            Instant createdAt) {

        ProgrammeCreated {
            required(programmeId, "programmeId");
        }

        ProgrammeDetails details() {
            return new ProgrammeDetails(title, theme, periodStart, periodEnd, targetRegions, targets);
        }
    }

    /** {@code id.simpul.programme.updated.v1}: every field a correction can change, as it now stands. */
    @DomainEvent
    record ProgrammeUpdated(String programmeId, long version, String title, String theme, String periodStart,
                            String periodEnd, List<String> targetRegions, Targets targets, Instant updatedAt) {

        ProgrammeUpdated {
            required(programmeId, "programmeId");
        }

        ProgrammeDetails details() {
            return new ProgrammeDetails(title, theme, periodStart, periodEnd, targetRegions, targets);
        }
    }

    /** What a programme's creation and its corrections both carry. */
    record ProgrammeDetails(String title, String theme, String periodStart, String periodEnd, List<String> targetRegions,
                            Targets targets) {

        ProgrammeDetails {
            targetRegions = targetRegions == null ? List.of() : targetRegions;
            targets = targets == null ? new Targets(null, null, null, null) : targets;
        }
    }

    record Organiser(String level, String name) {
    }

    record Targets(Integer trainings, Integer kimsTrained, Integer outputs, Long peopleReached) {
    }

    /** {@code id.simpul.partner.registered.v1}. */
    @DomainEvent
    record PartnerRegistered(String partnerId, long version, String name, String type, String regionCode,
                             Instant registeredAt) {

        PartnerRegistered {
            required(partnerId, "partnerId");
        }
    }

    /** {@code id.simpul.partner.updated.v1}: the partner's public fields as they now stand. */
    @DomainEvent
    record PartnerUpdated(String partnerId, long version, String name, String type, String regionCode, Instant updatedAt) {

        PartnerUpdated {
            required(partnerId, "partnerId");
        }
    }

    /** {@code id.simpul.training.drafted.v1} and {@code id.simpul.training.scheduled.v1}: the training as described. */
    @DomainEvent
    record TrainingDescribed(String trainingId, long version, String programmeId, String title, String topic, String mode,
                             String venueRegionCode, String timeZone, Instant start, Instant end, String localStart,
                             String localEnd, Integer capacity, Instant draftedAt, Instant scheduledAt) {

        TrainingDescribed {
            requiredTraining(trainingId, programmeId);
        }

        Instant at() {
            return scheduledAt != null ? scheduledAt : draftedAt;
        }
    }

    /** {@code id.simpul.training.updated.v1}: the description as corrected (its times change with a rescheduling). */
    @DomainEvent
    record TrainingUpdated(String trainingId, long version, String programmeId, String title, String topic,
                           String venueRegionCode, Integer capacity, Instant updatedAt) {

        TrainingUpdated {
            requiredTraining(trainingId, programmeId);
        }
    }

    /** {@code id.simpul.training.rescheduled.v1}. */
    @DomainEvent
    record TrainingRescheduled(String trainingId, long version, String programmeId, String timeZone, Instant start,
                               Instant end, String localStart, String localEnd, Instant rescheduledAt) {

        TrainingRescheduled {
            requiredTraining(trainingId, programmeId);
        }
    }

    /** {@code id.simpul.training.cancelled.v1} and {@code id.simpul.training.completed.v1}. */
    @DomainEvent
    record TrainingEnded(String trainingId, long version, String programmeId, Integer attendees, String reason,
                         Instant cancelledAt, Instant completedAt) {

        TrainingEnded {
            requiredTraining(trainingId, programmeId);
        }
    }

    /** {@code id.simpul.partner.invited.v1}, {@code .joined.v1} and {@code .declined.v1}. */
    @DomainEvent
    record InvitationChanged(String trainingId, long version, String programmeId, String invitationId, String partnerId,
                             String partnerType, Integer speakers) {

        InvitationChanged {
            requiredTraining(trainingId, programmeId);
            required(invitationId, "invitationId");
            required(partnerId, "partnerId");
        }
    }

    /** {@code id.simpul.participant.enrolled.v1}, {@code .waitlisted.v1}, {@code .promoted.v1} and {@code .withdrew.v1}. */
    @DomainEvent
    record EnrolmentChanged(String trainingId, long version, String programmeId, String enrolmentId, String kimId,
                            String villageCode) {

        EnrolmentChanged {
            requiredTraining(trainingId, programmeId);
            required(enrolmentId, "enrolmentId");
            required(kimId, "kimId");
            required(villageCode, "villageCode");
        }
    }

    /** {@code id.simpul.attendance.recorded.v1}: the participants newly marked present. */
    @DomainEvent
    record AttendanceRecorded(String trainingId, long version, String programmeId, List<Attendee> attendees,
                              Instant recordedAt) {

        AttendanceRecorded {
            requiredTraining(trainingId, programmeId);
            attendees = attendees == null ? List.of() : attendees;
        }
    }

    record Attendee(String enrolmentId, String kimId) {

        Attendee {
            required(enrolmentId, "enrolmentId");
        }
    }

    /** {@code id.simpul.output.reported.v1}. */
    @DomainEvent
    record OutputReported(String outputId, long version, String programmeId, String trainingId, String kimId,
                          String villageCode, String channel, String url, String publishedOn, long peopleReached,
                          Instant reportedAt) {

        OutputReported {
            requiredOutput(outputId, programmeId, kimId, villageCode);
        }
    }

    /** {@code id.simpul.output.corrected.v1}: the output with the values it now counts with. */
    @DomainEvent
    record OutputCorrected(String outputId, long version, String programmeId, String trainingId, String kimId,
                           String villageCode, String channel, String url, String publishedOn, long peopleReached,
                           Instant correctedAt) {

        OutputCorrected {
            requiredOutput(outputId, programmeId, kimId, villageCode);
        }
    }

    /** {@code id.simpul.output.withdrawn.v1}: the output no longer counts. */
    @DomainEvent
    record OutputWithdrawn(String outputId, long version, String programmeId, String trainingId, String kimId,
                           String villageCode, Instant withdrawnAt) {

        OutputWithdrawn {
            requiredOutput(outputId, programmeId, kimId, villageCode);
        }
    }

    private static void requiredOutput(String outputId, String programmeId, String kimId, String villageCode) {
        required(outputId, "outputId");
        required(programmeId, "programmeId");
        required(kimId, "kimId");
        required(villageCode, "villageCode");
    }

    private static void requiredTraining(String trainingId, String programmeId) {
        required(trainingId, "trainingId");
        required(programmeId, "programmeId");
    }

    private static void required(String value, String field) {
        if (Objects.requireNonNullElse(value, "").isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }

    private Payloads() {
    }
}
