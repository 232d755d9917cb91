package id.simpul.training.programme;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import java.util.List;

@RestController
@RequestMapping("/api/programmes")
@Validated
@Tag(name = "Programmes", description = "Campaigns that fund coaching and empowerment of KIMs, such as stunting")
class ProgrammeController {

    static final String REGION_PATTERN = "^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$";

    private final ProgrammeService programmes;
    private final ProgrammeProgress progress;

    ProgrammeController(ProgrammeService programmes, ProgrammeProgress progress) {
        this.programmes = programmes;
        this.progress = progress;
    }

    record ProgrammeRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 41) @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_ ]{1,40}$",
                    message = "must be a theme such as STUNTING, ANTI_HOAX, DIGITAL_UMKM or ELECTIONS") String theme,
            @NotNull @Valid OrganiserRequest organiser,
            @NotNull @Valid PeriodRequest period,
            @Size(max = 100) List<@NotBlank @Size(max = 13) @Pattern(regexp = REGION_PATTERN, message = "must be a Kemendagri region code such as 63 or 63.03") String> targetRegions,
            @Valid TargetsRequest targets) {
    }

    record OrganiserRequest(@NotNull Organiser.Level level,
                            @Size(max = 13) @Pattern(regexp = REGION_PATTERN, message = "must be a Kemendagri region code such as 63 or 63.03") String regionCode,
                            @NotBlank @Size(max = 200) String name) {
    }

    record PeriodRequest(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    record TargetsRequest(@Min(0) Integer trainings, @Min(0) Integer kimsTrained, @Min(0) Integer outputs,
                          @Min(0) Integer peopleReached) {
    }

    record ProgrammeResponse(String id, String title, String theme, Organiser organiser, LocalDate periodStart,
                             LocalDate periodEnd, List<String> targetRegions, Targets targets,
                             ProgrammeProgress.Progress progress, Instant createdAt, long version) {
    }

    @PostMapping
    @Operation(summary = "Create a programme", description = "Publishes ProgrammeCreated. Target regions limit which KIMs may enrol; none means all of Indonesia.")
    ResponseEntity<ProgrammeResponse> create(@Valid @RequestBody ProgrammeRequest request, UriComponentsBuilder uri) {
        TargetsRequest t = request.targets();
        Programme programme = programmes.create(request.title(), request.theme(),
                new Organiser(request.organiser().level(), request.organiser().regionCode(), request.organiser().name().strip()),
                request.period().start(), request.period().end(), request.targetRegions(),
                t == null ? null : new Targets(t.trainings(), t.kimsTrained(), t.outputs(), t.peopleReached()));
        return ResponseEntity.created(uri.path("/api/programmes/{id}").build(programme.id().value())).body(response(programme));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A programme with its progress against its targets")
    ProgrammeResponse get(@PathVariable String id) {
        return response(programmes.get(ids(id)));
    }

    @GetMapping
    @Operation(summary = "List programmes", description = "Newest period first; theme filters.")
    PageResponse<ProgrammeResponse> list(@RequestParam(required = false) String theme, @Valid PageQuery page) {
        return programmes.list(theme, page).map(this::response);
    }

    private ProgrammeResponse response(Programme p) {
        return new ProgrammeResponse(p.id().value(), p.title(), p.theme(), p.organiser(), p.periodStart(), p.periodEnd(),
                p.targetRegions(), p.targets(), progress.of(p), p.createdAt(), p.version());
    }

    static ProgrammeId ids(String id) {
        try {
            return new ProgrammeId(id);
        } catch (IllegalArgumentException e) {
            throw new id.simpul.training.common.NotFoundException("programme", id);
        }
    }
}
