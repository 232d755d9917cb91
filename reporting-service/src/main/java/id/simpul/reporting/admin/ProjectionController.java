package id.simpul.reporting.admin;

import id.simpul.platform.access.Allowed;
import id.simpul.reporting.dashboard.ReportingRights;
import id.simpul.platform.Problems;
import id.simpul.reporting.projection.Generations;
import id.simpul.reporting.projection.Rebuilder;
import id.simpul.platform.ServedFromMemory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ProblemDetail;

import java.net.URI;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Administration", description = "The read models: which generation is served, and rebuilding them")
class ProjectionController {

    /** The served generation, the one being built (null when none) and the last rebuild. */
    record Projections(int generation, Integer building, Rebuilder.Status rebuild) {
    }

    private final Generations generations;
    private final Rebuilder rebuilder;

    ProjectionController(Generations generations, Rebuilder rebuilder) {
        this.generations = generations;
        this.rebuilder = rebuilder;
    }

    @GetMapping
    @Allowed(ReportingRights.PROJECTIONS_READ)
    @ServedFromMemory
    @Operation(operationId = "getProjections", summary = "The read models' generation and the last rebuild")
    Projections projections() {
        Generations.State state = generations.state();
        return new Projections(state.current(), state.building(), rebuilder.status());
    }

    @PostMapping("/rebuild")
    @Allowed(ReportingRights.PROJECTIONS_REBUILD)
    @Operation(operationId = "rebuildProjections", summary = "Rebuild the read models from the beginning of the topics",
            description = "Fills a new generation while the current figures stay served, then serves it.")
    @ApiResponse(responseCode = "202", description = "Started: the rebuild's state; Location is where to follow it")
    @ApiResponse(responseCode = "409", description = "Another rebuild runs (rebuild-running).")
    ResponseEntity<Rebuilder.Status> rebuild() {
        Rebuilder.Status started = rebuilder.start();
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections")).body(started);
    }

    @ExceptionHandler(Rebuilder.AlreadyRunningException.class)
    ResponseEntity<ProblemDetail> running(Rebuilder.AlreadyRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "rebuild-running", "Rebuild already running", e.getMessage()));
    }
}
