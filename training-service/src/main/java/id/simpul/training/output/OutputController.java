package id.simpul.training.output;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.ETags;
import id.simpul.platform.Ids;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.SortedBy;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.programme.ProgrammeId;
import id.simpul.training.programme.ProgrammeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/programmes/{programmeId}/outputs")
@Validated
@Tag(name = "Outputs", description = "What KIMs disseminated after their training: the programme's clear outputs")
class OutputController {

    static final String WITHDRAWAL_EXAMPLE = """
            {"reason": "Dilaporkan dua kali"}
            """;

    static final String OUTPUT_CORRECTION_EXAMPLE = """
            {"peopleReached": 1045, "reason": "Angka jangkauan tertukar"}
            """;

    static final String OUTPUT_EXAMPLE = """
            {"kimId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "channel": "INSTAGRAM",
             "url": "https://instagram.com/p/kim-oebelo-stunting", "publishedOn": "2027-02-12", "peopleReached": 1450,
             "description": "Infografis gizi ibu hamil"}
            """;

    private final OutputService outputs;
    private final ProgrammeService programmes;

    OutputController(OutputService outputs, ProgrammeService programmes) {
        this.outputs = outputs;
        this.programmes = programmes;
    }

    record OutputRequest(
            @NotBlank @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a KIM id") String kimId,
            @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a training id") String trainingId,
            @NotNull Channel channel,
            @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be a web address") String url,
            @NotNull LocalDate publishedOn,
            @NotNull @Min(0) @Max(1_000_000_000) Long peopleReached,
            @Size(max = 1000) String description) {
    }

    record OutputResponse(String id, String programmeId, String trainingId, String kimId, String villageCode, Channel channel,
                          String url, LocalDate publishedOn, long peopleReached, String description, Instant reportedAt,
                          Output.Status status, Output.Withdrawal withdrawal, long version) {
        static OutputResponse of(Output o) {
            return new OutputResponse(o.id().value(), o.programmeId().value(), o.trainingId(), o.kimId(), o.villageCode(),
                    o.channel(), o.url(), o.publishedOn(), o.peopleReached(), o.description(), o.reportedAt(), o.status(),
                    o.withdrawal(), o.version());
        }
    }

    /** A correction, with why: the fields sent are set, those left out (or null) stay. */
    record OutputCorrection(Channel channel,
                            @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be a web address") String url,
                            LocalDate publishedOn,
                            @Min(0) @Max(1_000_000_000) Long peopleReached,
                            @Size(max = 1000) String description,
                            @NotBlank @Size(max = 1000) String reason) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping
    @Allowed(TrainingRights.OUTPUTS_REPORT)
    @Operation(summary = "Report an output", description = "By a KIM that attended a completed training of the programme, "
            + "published on or after that training (422 otherwise). Counts toward the programme's targets. Publishes OutputReported.")
    @ApiResponse(responseCode = "201", description = "Reported; Location is the output")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): the KIM did not attend, a publication date before its training or in the future")
    ResponseEntity<OutputResponse> report(@PathVariable @Parameter(description = "The programme's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String programmeId, @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OutputRequest.class),
                    examples = @ExampleObject(name = "post", summary = "An Instagram post", value = OUTPUT_EXAMPLE)))
                    OutputRequest r,
                                          UriComponentsBuilder uri) {
        Output output = outputs.report(ids(programmeId), new OutputService.Dissemination(r.kimId(), r.trainingId(), r.channel(),
                r.url(), r.publishedOn(), r.peopleReached(), r.description()));
        return ResponseEntity.created(uri.path("/api/programmes/{p}/outputs/{id}").build(programmeId, output.id().value()))
                .eTag(ETags.of(output.version())).body(OutputResponse.of(output));
    }

    @GetMapping
    @Allowed(TrainingRights.OUTPUTS_READ)
    @Operation(summary = "Outputs of a programme", description = "By KIM, training, channel, status (REPORTED ones count, "
            + "WITHDRAWN ones stay on record) and publication date from/to (inclusive); newest publication first unless sorted.")
    PageResponse<OutputResponse> list(@PathVariable @Parameter(description = "The programme's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String programmeId,
                                      @RequestParam(required = false) @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a KIM id") String kimId,
                                      @RequestParam(required = false) @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a training id") String trainingId,
                                      @RequestParam(required = false) Channel channel,
                                      @RequestParam(required = false) Output.Status status,
                                      @RequestParam(required = false) LocalDate from,
                                      @RequestParam(required = false) LocalDate to,
                                      @RequestParam(required = false) @Size(max = 40) @SortedBy(OutputService.class) String sort,
                                      @Valid PageQuery page) {
        ProgrammeId programme = ids(programmeId);
        programmes.get(programme);
        return outputs.list(programme, new OutputService.Filter(lower(kimId), lower(trainingId), channel, status, from, to),
                OutputService.SORT.parse(sort), page).map(OutputResponse::of);
    }

    @GetMapping("/{id}")
    @Allowed(TrainingRights.OUTPUTS_READ)
    @Operation(summary = "One output", description = "The ETag is the version, for If-Match on corrections.")
    @ApiResponse(responseCode = "200", description = "The output; the ETag is its version")
    ResponseEntity<OutputResponse> get(@PathVariable @Parameter(description = "The programme's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String programmeId, @PathVariable @Parameter(description = "The output's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id) {
        ProgrammeId programme = ids(programmeId);
        OutputId outputId = new OutputId(Ids.parse(id, "output"));
        Output output = outputs.read(outputId).filter(o -> o.programmeId().equals(programme))
                .orElseThrow(() -> new NotFoundException("output", outputId.value() + " in programme " + programme.value()));
        return ResponseEntity.ok().eTag(ETags.of(output.version())).body(OutputResponse.of(output));
    }

    @PatchMapping(value = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Allowed(TrainingRights.OUTPUTS_CORRECT)
    @Operation(operationId = "correctOutput", summary = "Correct an output", description = "Channel, address, publication date (on or after the KIM's "
            + "training, not in the future), people reached or description, with a reason; the fields left out stay. A "
            + "withdrawn output is not corrected (409). Needs If-Match with the ETag last read (428 without it, 412 when "
            + "stale). Publishes OutputCorrected when something changed; the programme's figures follow.")
    @ApiResponse(responseCode = "200", description = "The output as corrected; the ETag is its new version")
    @ApiResponse(responseCode = "409", description = "The output was withdrawn (conflict)")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): a publication date before the KIM's training or in the future")
    ResponseEntity<OutputResponse> correct(@PathVariable @Parameter(description = "The programme's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String programmeId, @PathVariable @Parameter(description = "The output's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                           @Parameter(description = "The ETag last read, e.g. \"3\"", required = true)
                                           @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OutputCorrection.class),
                    examples = @ExampleObject(name = "reach", summary = "A mistyped reach", value = OUTPUT_CORRECTION_EXAMPLE)))
                    OutputCorrection c) {
        Output current = of(programmeId, id);
        long expected = ETags.required(ifMatch, "output");
        Output output = outputs.correct(current.id(), expected, new Output.Correction(c.channel(), c.url(), c.publishedOn(),
                c.peopleReached(), c.description()), c.reason());
        return ResponseEntity.ok().eTag(ETags.of(output.version())).body(OutputResponse.of(output));
    }

    @PostMapping("/{id}/withdrawal")
    @Allowed(TrainingRights.OUTPUTS_WITHDRAW)
    @Operation(operationId = "withdrawOutput", summary = "Withdraw an output", description = "With a reason (reported twice, taken down, not of this "
            + "programme): it stays on record as WITHDRAWN and no longer counts toward the programme. Needs If-Match with "
            + "the ETag last read (428 without it, 412 when stale). Publishes OutputWithdrawn.")
    @ApiResponse(responseCode = "200", description = "Withdrawn: on record, no longer counted")
    @ApiResponse(responseCode = "409", description = "Already withdrawn (conflict)")
    ResponseEntity<OutputResponse> withdraw(@PathVariable @Parameter(description = "The programme's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String programmeId, @PathVariable @Parameter(description = "The output's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                            @Parameter(description = "The ETag last read, e.g. \"3\"", required = true)
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WithdrawalRequest.class),
                    examples = @ExampleObject(name = "twice", summary = "Reported twice", value = WITHDRAWAL_EXAMPLE)))
                    WithdrawalRequest request) {
        Output current = of(programmeId, id);
        long expected = ETags.required(ifMatch, "output");
        Output output = outputs.withdraw(current.id(), expected, request.reason());
        return ResponseEntity.ok().eTag(ETags.of(output.version())).body(OutputResponse.of(output));
    }

    private Output of(String programmeId, String id) {
        ProgrammeId programme = ids(programmeId);
        OutputId outputId = new OutputId(Ids.parse(id, "output"));
        return outputs.find(outputId).filter(o -> o.programmeId().equals(programme))
                .orElseThrow(() -> new NotFoundException("output", outputId.value() + " in programme " + programme.value()));
    }

    private static String lower(String id) {
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }

    private static ProgrammeId ids(String id) {
        return new ProgrammeId(Ids.parse(id, "programme"));
    }
}
