package id.simpul.training.session;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.Ids;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.SortedBy;
import id.simpul.regions.RegionDataset;
import id.simpul.training.partner.PartnerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A partner finds the invitations it received, to answer them. */
@RestController
@Validated
@Tag(name = "Invitations")
class PartnerInvitationController {

    private final TrainingService trainings;
    private final RegionDataset regions;

    PartnerInvitationController(TrainingService trainings, RegionDataset regions) {
        this.trainings = trainings;
        this.regions = regions;
    }

    /** An invitation with the training it is for. */
    record PartnerInvitationView(TrainingResponse.InvitationView invitation, TrainingResponse.TrainingSummary training) {
    }

    @GetMapping("/api/partners/{partnerId}/invitations")
    @Allowed(TrainingRights.PARTNER_INVITATIONS_READ)
    @Operation(operationId = "listPartnerInvitations", summary = "Invitations of a partner", description = "By status (INVITED ones wait for an answer); newest "
            + "first unless sorted. 404 for an unknown partner.")
    PageResponse<PartnerInvitationView> invitations(@PathVariable @Parameter(description = "The partner's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String partnerId,
                                                    @RequestParam(required = false) Invitation.Status status,
                                                    @RequestParam(required = false) @Size(max = 40) @SortedBy(TrainingService.InvitationOrder.class) String sort,
                                                    @Valid PageQuery page) {
        return trainings.invitationsOf(new PartnerId(Ids.parse(partnerId, "partner")), status,
                        TrainingService.InvitationOrder.FIELDS.parse(sort), page)
                .map(p -> new PartnerInvitationView(TrainingResponse.InvitationView.of(p.invitation()),
                        TrainingResponse.TrainingSummary.of(p.training(), regions)));
    }
}
