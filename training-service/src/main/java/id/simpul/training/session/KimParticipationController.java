package id.simpul.training.session;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.Ids;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.SortedBy;
import id.simpul.regions.RegionDataset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a KIM's officers look for: the trainings open to it, where its participants enrolled, their certificates. */
@RestController
@RequestMapping("/api/kims/{kimId}")
@Validated
@Tag(name = "KIM participation", description = "Trainings open to a KIM, its enrolments and its certificates")
class KimParticipationController {

    private final TrainingService trainings;
    private final RegionDataset regions;

    KimParticipationController(TrainingService trainings, RegionDataset regions) {
        this.trainings = trainings;
        this.regions = regions;
    }

    /** An enrolment of one of the KIM's participants, with its training. */
    record KimEnrolmentView(TrainingResponse.EnrolmentView enrolment, TrainingResponse.TrainingSummary training) {
    }

    /** A certificate one of the KIM's participants earned. */
    record CertificateView(String code, String enrolmentId, Participant participant, TrainingResponse.TrainingSummary training) {
    }

    @GetMapping("/open-trainings")
    @Allowed(TrainingRights.KIM_PARTICIPATION_READ)
    @Operation(operationId = "listTrainingsOpenToKim", summary = "Trainings a KIM may enrol in now", description = "Scheduled, enrolment still open, of a programme "
            + "whose target regions hold the KIM's village, while training-service knows the KIM as VERIFIED or ACTIVE (an "
            + "empty list otherwise). Full trainings are listed too: a participant then waits for a seat (seatsFree says "
            + "which). 404 for a KIM training-service has not heard of. By start unless sorted.")
    PageResponse<TrainingResponse> openTrainings(@PathVariable @Parameter(description = "The KIM's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String kimId,
                                                 @RequestParam(required = false) @Size(max = 40) @SortedBy(TrainingService.class) String sort,
                                                 @Valid PageQuery page) {
        return trainings.openTo(Ids.parse(kimId, "KIM"), TrainingService.SORT.parse(sort), page)
                .map(t -> TrainingResponse.of(t, regions));
    }

    @GetMapping("/enrolments")
    @Allowed(TrainingRights.KIM_PARTICIPATION_READ)
    @Operation(operationId = "listKimEnrolments", summary = "Enrolments of a KIM's participants", description = "In every training, by status; newest "
            + "enrolment first unless sorted.")
    PageResponse<KimEnrolmentView> enrolments(@PathVariable @Parameter(description = "The KIM's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String kimId,
                                              @RequestParam(required = false) Enrolment.Status status,
                                              @RequestParam(required = false) @Size(max = 40) @SortedBy(TrainingService.EnrolmentOrder.class) String sort,
                                              @Valid PageQuery page) {
        return trainings.enrolmentsOf(Ids.parse(kimId, "KIM"), status, false, TrainingService.EnrolmentOrder.FIELDS.parse(sort), page)
                .map(p -> new KimEnrolmentView(TrainingResponse.EnrolmentView.of(p.training(), p.enrolment()),
                        TrainingResponse.TrainingSummary.of(p.training(), regions)));
    }

    @GetMapping("/certificates")
    @Allowed(TrainingRights.KIM_PARTICIPATION_READ)
    @Operation(operationId = "listKimCertificates", summary = "Certificates of a KIM's participants", description = "One per attendee of a completed training; "
            + "GET /api/certificates/{code} confirms each. Newest enrolment first unless sorted.")
    PageResponse<CertificateView> certificates(@PathVariable @Parameter(description = "The KIM's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String kimId,
                                               @RequestParam(required = false) @Size(max = 40) @SortedBy(TrainingService.EnrolmentOrder.class) String sort,
                                               @Valid PageQuery page) {
        return trainings.enrolmentsOf(Ids.parse(kimId, "KIM"), null, true, TrainingService.EnrolmentOrder.FIELDS.parse(sort), page)
                .map(p -> new CertificateView(p.enrolment().certificateCode(), p.enrolment().id().value(),
                        p.enrolment().participant(), TrainingResponse.TrainingSummary.of(p.training(), regions)));
    }
}
