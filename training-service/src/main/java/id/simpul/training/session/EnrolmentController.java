package id.simpul.training.session;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.Ids;
import id.simpul.training.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/enrolments")
@Tag(name = "Enrolments", description = "Participants withdraw; the first on the waitlist takes the seat")
class EnrolmentController {

    private final TrainingService trainings;

    EnrolmentController(TrainingService trainings) {
        this.trainings = trainings;
    }

    record WithdrawalResponse(TrainingResponse.EnrolmentView withdrawn, TrainingResponse.EnrolmentView promoted) {
    }

    @DeleteMapping("/{id}")
    @Allowed(TrainingRights.ENROLMENTS_WITHDRAW)
    @Operation(summary = "Withdraw a participant", description = "Publishes ParticipantWithdrew and, when a seat came free "
            + "and someone was waiting, ParticipantPromoted.")
    @ApiResponse(responseCode = "200", description = "Withdrawn; promoted names who took the seat, if anyone")
    @ApiResponse(responseCode = "409", description = "Already withdrawn, or the training is COMPLETED or CANCELLED (conflict)")
    WithdrawalResponse withdraw(@PathVariable @Parameter(description = "The enrolment's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id) {
        EnrolmentId enrolmentId = new EnrolmentId(Ids.parse(id, "enrolment"));
        TrainingService.Withdrawal withdrawal = trainings.withdraw(enrolmentId);
        Training training = withdrawal.training();
        return new WithdrawalResponse(TrainingResponse.EnrolmentView.of(training, withdrawal.withdrawn()),
                withdrawal.promoted().map(p -> TrainingResponse.EnrolmentView.of(training, p)).orElse(null));
    }
}
