package id.simpul.training;

import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.eventing.EventCatalog;
import id.simpul.regions.RegionDataset;
import id.simpul.training.output.OutputCorrected;
import id.simpul.training.output.OutputReported;
import id.simpul.training.output.OutputWithdrawn;
import id.simpul.training.partner.PartnerRegistered;
import id.simpul.training.partner.PartnerUpdated;
import id.simpul.training.programme.ProgrammeCreated;
import id.simpul.training.programme.ProgrammeUpdated;
import id.simpul.training.session.TrainingEvents;
import id.simpul.training.common.TrainingClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What training-service publishes, under which names and keys, and the region dataset it reads time zones from. */
@Configuration
class TrainingServiceConfiguration {

    @Bean
    EventCatalog eventCatalog() {
        return EventCatalog.builder()
                .event(ProgrammeCreated.class, EventTypes.PROGRAMME_CREATED, Topics.PROGRAMMES, e -> e.programmeId().value())
                .event(ProgrammeUpdated.class, EventTypes.PROGRAMME_UPDATED, Topics.PROGRAMMES, e -> e.programmeId().value())
                .event(PartnerRegistered.class, EventTypes.PARTNER_REGISTERED, Topics.PARTNERS, e -> e.partnerId().value())
                .event(PartnerUpdated.class, EventTypes.PARTNER_UPDATED, Topics.PARTNERS, e -> e.partnerId().value())
                .event(TrainingEvents.TrainingDrafted.class, EventTypes.TRAINING_DRAFTED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.TrainingUpdated.class, EventTypes.TRAINING_UPDATED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.TrainingScheduled.class, EventTypes.TRAINING_SCHEDULED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.TrainingRescheduled.class, EventTypes.TRAINING_RESCHEDULED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.TrainingCancelled.class, EventTypes.TRAINING_CANCELLED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.TrainingCompleted.class, EventTypes.TRAINING_COMPLETED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.PartnerInvited.class, EventTypes.PARTNER_INVITED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.PartnerJoined.class, EventTypes.PARTNER_JOINED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.PartnerDeclined.class, EventTypes.PARTNER_DECLINED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.ParticipantEnrolled.class, EventTypes.PARTICIPANT_ENROLLED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.ParticipantWaitlisted.class, EventTypes.PARTICIPANT_WAITLISTED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.ParticipantPromoted.class, EventTypes.PARTICIPANT_PROMOTED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.ParticipantWithdrew.class, EventTypes.PARTICIPANT_WITHDREW, Topics.TRAININGS, e -> e.trainingId().value())
                .event(TrainingEvents.AttendanceRecorded.class, EventTypes.ATTENDANCE_RECORDED, Topics.TRAININGS, e -> e.trainingId().value())
                .event(OutputReported.class, EventTypes.OUTPUT_REPORTED, Topics.OUTPUTS, e -> e.outputId().value())
                .event(OutputCorrected.class, EventTypes.OUTPUT_CORRECTED, Topics.OUTPUTS, e -> e.outputId().value())
                .event(OutputWithdrawn.class, EventTypes.OUTPUT_WITHDRAWN, Topics.OUTPUTS, e -> e.outputId().value())
                .build();
    }

    @Bean
    TrainingClock trainingClock(Clock clock) {
        return new TrainingClock(clock);
    }

    @Bean
    RegionDataset regionDataset() {
        return RegionDataset.load();
    }
}
