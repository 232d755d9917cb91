package id.simpul.eventing;

import id.simpul.platform.access.Allowed;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** {@code /api/admin/dead-letters}: what this service's consumer could not apply, to see, replay or discard. */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Validated
@Tag(name = "Dead letters", description = "Records this service's consumer could not apply: see why, replay once the "
        + "cause is removed, or discard with a reason")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** A dead letter as answered. */
    record DeadLetterView(String id, String status, String originalTopic, Long originalPartition, Long originalOffset,
                          String key, String type, String eventId, Instant originalTimestamp, Instant deadLetteredAt,
                          String reason, String exception, Integer payloadBytes, String payload, List<Attempt> replays,
                          Instant replayedAt, String replayedBy, Instant discardedAt, String discardedBy,
                          String discardReason) {

        static DeadLetterView of(Document d, boolean withPayload) {
            List<Attempt> attempts = d.getList("replays", Document.class, List.of()).stream()
                    .map(a -> new Attempt(instant(a.getDate("at")), a.getString("by"), a.getString("outcome"),
                            a.getBoolean("corrected", false), a.getString("note"), a.getString("error")))
                    .toList();
            return new DeadLetterView(d.getString("_id"), d.getString("status"), d.getString("originalTopic"),
                    d.getLong("originalPartition"), d.getLong("originalOffset"), d.getString("key"), d.getString("type"),
                    d.getString("eventId"), instant(d.getDate("originalTimestamp")), instant(d.getDate("deadLetteredAt")),
                    d.getString("reason"), d.getString("exception"), d.getInteger("payloadBytes"),
                    withPayload ? DeadLetters.preview(d) : null, attempts, instant(d.getDate("replayedAt")),
                    d.getString("replayedBy"), instant(d.getDate("discardedAt")), d.getString("discardedBy"),
                    d.getString("discardReason"));
        }

        private static Instant instant(Date date) {
            return date == null ? null : date.toInstant();
        }
    }

    /** One replay of a dead letter. */
    record Attempt(Instant at, String by, String outcome, boolean corrected, String note, String error) {
    }

    /**
     * @param payload the record's payload as it should have been, when the record itself was wrong; it must meet
     *                the contract like any other record
     */
    record ReplayRequest(JsonNode payload, @Size(max = 1000) String note) {
    }

    record DiscardRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @GetMapping
    @Allowed(EventingRights.DEAD_LETTERS_READ)
    @Operation(summary = "Dead letters, newest first", description = "Filter by status (WAITING, REPLAYED, DISCARDED).")
    PageResponse<DeadLetterView> list(@RequestParam(required = false) DeadLetters.Status status, @Valid PageQuery page) {
        return deadLetters.page(status, page).map(d -> DeadLetterView.of(d, false));
    }

    @GetMapping("/{id}")
    @Allowed(EventingRights.DEAD_LETTERS_READ)
    @Operation(summary = "One dead letter, with the start of its payload")
    DeadLetterView get(@PathVariable @Size(max = 300) String id) {
        return DeadLetterView.of(deadLetters.find(id), true);
    }

    @PostMapping("/{id}/replay")
    @Allowed(EventingRights.DEAD_LETTERS_REPLAY)
    @Operation(summary = "Apply a dead letter again",
            description = "Once its cause is removed (the aggregate it was about has arrived, the consumer was fixed), "
                    + "or with a corrected payload. 422 and the reason when it still cannot be applied; replaying a "
                    + "replayed dead letter changes nothing; a discarded one cannot be replayed (409).")
    @ApiResponse(responseCode = "200", description = "The dead letter, replayed")
    @ApiResponse(responseCode = "409", description = "The dead letter was discarded (dead-letter-discarded).")
    @ApiResponse(responseCode = "422", description = "It still cannot be applied (replay-failed, with the reason), or a "
            + "text field holds text that is not accepted (invalid-text).")
    DeadLetterView replay(@PathVariable @Size(max = 300) String id, @RequestBody(required = false) @Valid
                          @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                                  schema = @Schema(implementation = ReplayRequest.class),
                                  examples = @ExampleObject(name = "again", summary = "Once the cause is removed",
                                          value = "{\"note\": \"The programme has arrived; applying again\"}")))
                          ReplayRequest request) {
        byte[] corrected = request == null || request.payload() == null || request.payload().isNull() ? null
                : EventJson.mapper().writeValueAsString(request.payload()).getBytes(StandardCharsets.UTF_8);
        return DeadLetterView.of(deadLetters.replay(id, corrected, request == null ? null : request.note()), true);
    }

    @PostMapping("/{id}/discard")
    @Allowed(EventingRights.DEAD_LETTERS_DISCARD)
    @Operation(summary = "Give up on a dead letter", description = "It is kept, marked as discarded, with who and why.")
    @ApiResponse(responseCode = "200", description = "The dead letter, discarded")
    @ApiResponse(responseCode = "409", description = "The dead letter was replayed already (dead-letter-replayed).")
    DeadLetterView discard(@PathVariable @Size(max = 300) String id, @RequestBody @Valid
                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                                   schema = @Schema(implementation = DiscardRequest.class),
                                   examples = @ExampleObject(name = "test", summary = "A record sent by a test",
                                           value = "{\"reason\": \"Sent by a load test; no such programme exists\"}")))
                           DiscardRequest request) {
        return DeadLetterView.of(deadLetters.discard(id, request.reason()), true);
    }

    @ExceptionHandler(DeadLetters.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(DeadLetters.NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFoundProblem(e.getMessage()));
    }

    @ExceptionHandler(DeadLetters.Conflict.class)
    ResponseEntity<ProblemDetail> conflict(DeadLetters.Conflict e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "dead-letter-" + e.status.name().toLowerCase(),
                "Dead letter is " + e.status.name().toLowerCase(), e.getMessage());
        problem.setProperty("status", e.status.name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(DeadLetters.ReplayFailed.class)
    ResponseEntity<ProblemDetail> replayFailed(DeadLetters.ReplayFailed e) {
        return ResponseEntity.unprocessableContent().body(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "replay-failed",
                "Dead letter still cannot be applied", e.getMessage()));
    }
}
