package id.simpul.training.output;

import id.simpul.platform.Ids;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.programme.ProgrammeId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    private final OutputService outputs;

    OutputController(OutputService outputs) {
        this.outputs = outputs;
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
                          String url, LocalDate publishedOn, long peopleReached, String description, Instant reportedAt) {
        static OutputResponse of(Output o) {
            return new OutputResponse(o.id().value(), o.programmeId().value(), o.trainingId(), o.kimId(), o.villageCode(),
                    o.channel(), o.url(), o.publishedOn(), o.peopleReached(), o.description(), o.reportedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Report an output", description = "By a KIM that attended a completed training of the programme, "
            + "published on or after that training (422 otherwise). Counts toward the programme's targets. Publishes OutputReported.")
    ResponseEntity<OutputResponse> report(@PathVariable String programmeId, @Valid @RequestBody OutputRequest r,
                                          UriComponentsBuilder uri) {
        Output output = outputs.report(ids(programmeId), new OutputService.Dissemination(r.kimId(), r.trainingId(), r.channel(),
                r.url(), r.publishedOn(), r.peopleReached(), r.description()));
        return ResponseEntity.created(uri.path("/api/programmes/{p}/outputs/{id}").build(programmeId, output.id().value()))
                .body(OutputResponse.of(output));
    }

    @GetMapping
    @Operation(summary = "Outputs of a programme", description = "Newest publication first; kimId filters.")
    PageResponse<OutputResponse> list(@PathVariable String programmeId, @RequestParam(required = false) String kimId,
                                      @Valid PageQuery page) {
        return outputs.list(ids(programmeId), kimId, page).map(OutputResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One output")
    OutputResponse get(@PathVariable String programmeId, @PathVariable String id) {
        try {
            return outputs.find(new OutputId(id)).filter(o -> o.programmeId().value().equals(programmeId))
                    .map(OutputResponse::of).orElseThrow(() -> new NotFoundException("output", id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("output", id);
        }
    }

    private static ProgrammeId ids(String id) {
        try {
            return new ProgrammeId(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("programme", id);
        }
    }
}
