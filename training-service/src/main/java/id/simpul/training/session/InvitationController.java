package id.simpul.training.session;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.Ids;
import id.simpul.training.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/invitations")
@Validated
@Tag(name = "Invitations", description = "Partners accept (naming their speakers) or decline invitations to brief trainings")
class InvitationController {

    static final String DECLINE_EXAMPLE = """
            {"reason": "Tim gizi bertugas di posyandu pada tanggal itu"}
            """;

    static final String ACCEPT_EXAMPLE = """
            {"speakers": [{"name": "dr. Maria Tefa", "role": "Dokter", "email": "maria.tefa@dinkes-kupang.example"}]}
            """;

    private final TrainingService trainings;

    InvitationController(TrainingService trainings) {
        this.trainings = trainings;
    }

    record AcceptRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull SpeakerRequest> speakers) {
    }

    record SpeakerRequest(@NotBlank @Size(max = 120) String name, @Size(max = 120) String role, @Email @Size(max = 200) String email) {
    }

    record DeclineRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @GetMapping("/{id}")
    @Allowed(TrainingRights.INVITATIONS_READ)
    @Operation(summary = "An invitation")
    TrainingResponse.InvitationView get(@PathVariable @Parameter(description = "The invitation's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id) {
        InvitationId invitationId = ids(id);
        return TrainingResponse.InvitationView.of(trainings.ofInvitation(invitationId).invitation(invitationId).orElseThrow());
    }

    @PostMapping("/{id}/accept")
    @Allowed(TrainingRights.INVITATIONS_ANSWER)
    @Operation(summary = "Accept, naming the speakers", description = "A speaker cannot be in two trainings that overlap: "
            + "409 names the other training. Publishes PartnerJoined.")
    @ApiResponse(responseCode = "200", description = "Accepted, with the speakers booked")
    @ApiResponse(responseCode = "409", description = "Already answered, the training is closed (conflict), or a speaker is booked elsewhere then (speaker-double-booked)")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): no speaker named")
    TrainingResponse.InvitationView accept(@PathVariable @Parameter(description = "The invitation's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id, @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AcceptRequest.class),
                    examples = @ExampleObject(name = "speakers", summary = "The office names its speakers", value = ACCEPT_EXAMPLE)))
                    AcceptRequest request) {
        InvitationId invitationId = ids(id);
        Training training = trainings.accept(invitationId, request.speakers().stream()
                .map(s -> new Speaker(s.name().strip(), s.role(), s.email())).toList());
        return TrainingResponse.InvitationView.of(training.invitation(invitationId).orElseThrow());
    }

    @PostMapping("/{id}/decline")
    @Allowed(TrainingRights.INVITATIONS_ANSWER)
    @Operation(summary = "Decline, with a reason", description = "Publishes PartnerDeclined.")
    @ApiResponse(responseCode = "200", description = "Declined")
    @ApiResponse(responseCode = "409", description = "Already answered, or the training is closed (conflict)")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): no reason given")
    TrainingResponse.InvitationView decline(@PathVariable @Parameter(description = "The invitation's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id, @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DeclineRequest.class),
                    examples = @ExampleObject(name = "busy", summary = "Not this time", value = DECLINE_EXAMPLE)))
                    DeclineRequest request) {
        InvitationId invitationId = ids(id);
        Training training = trainings.decline(invitationId, request.reason());
        return TrainingResponse.InvitationView.of(training.invitation(invitationId).orElseThrow());
    }

    private static InvitationId ids(String id) {
        return new InvitationId(Ids.parse(id, "invitation"));
    }
}
