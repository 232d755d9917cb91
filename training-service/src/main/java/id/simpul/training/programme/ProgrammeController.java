package id.simpul.training.programme;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.ETags;
import id.simpul.platform.Ids;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.SortedBy;
import id.simpul.regions.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import java.util.List;

@RestController
@RequestMapping("/api/programmes")
@Validated
@Tag(name = "Programmes", description = "Campaigns that fund coaching and empowerment of KIMs, such as stunting")
class ProgrammeController {

    static final String PROGRAMME_CORRECTION_EXAMPLE = """
            {"targetRegions": ["53", "63.03", "91.71"],
             "targets": {"trainings": 15, "kimsTrained": 75, "outputs": 200, "peopleReached": 60000}}
            """;

    static final String PROGRAMME_EXAMPLE = """
            {"title": "Gerakan KIM Cegah Stunting 2027", "theme": "STUNTING",
             "organiser": {"level": "MINISTRY", "name": "Direktorat Tata Kelola Kemitraan Komunikasi Publik"},
             "period": {"start": "2027-01-01", "end": "2027-12-31"}, "targetRegions": ["53", "63.03"],
             "targets": {"trainings": 12, "kimsTrained": 60, "outputs": 150, "peopleReached": 50000}}
            """;


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
            @Size(max = 100) List<@NotBlank @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.NOT_A_CODE + " such as 63 or 63.03") String> targetRegions,
            @Valid TargetsRequest targets) {
    }

    record OrganiserRequest(@NotNull Organiser.Level level,
                            @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.NOT_A_CODE + " such as 63 or 63.03") String regionCode,
                            @NotBlank @Size(max = 200) String name) {
    }

    record PeriodRequest(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    record TargetsRequest(@Min(0) Integer trainings, @Min(0) Integer kimsTrained, @Min(0) Integer outputs,
                          @Min(0) Integer peopleReached) {
    }

    record ProgrammeResponse(String id, String title, String theme, Organiser organiser, LocalDate periodStart,
                             LocalDate periodEnd, ProgrammeStatus status, List<String> targetRegions, Targets targets,
                             ProgrammeProgress.Progress progress, Instant createdAt, long version) {
    }

    /** A correction: the fields sent are set, those left out (or null) stay. Targets are replaced as a whole. */
    record ProgrammeCorrection(
            @Size(max = 200) @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank") String title,
            @Size(max = 41) @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_ ]{1,40}$",
                    message = "must be a theme such as STUNTING, ANTI_HOAX, DIGITAL_UMKM or ELECTIONS") String theme,
            @Valid PeriodRequest period,
            @Size(max = 100) List<@NotBlank @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN, message = RegionCode.NOT_A_CODE + " such as 63 or 63.03") String> targetRegions,
            @Valid TargetsRequest targets) {
    }

    @PostMapping
    @Allowed(TrainingRights.PROGRAMMES_CREATE)
    @Operation(summary = "Create a programme", description = "Publishes ProgrammeCreated. Target regions limit which KIMs may enrol; none means all of Indonesia.")
    @ApiResponse(responseCode = "201", description = "Created; Location is the new programme")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): a period that ends before it starts, an organiser or target region that is no region")
    ResponseEntity<ProgrammeResponse> create(@Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ProgrammeRequest.class),
                    examples = @ExampleObject(name = "stunting", summary = "The national stunting campaign", value = PROGRAMME_EXAMPLE)))
                    ProgrammeRequest request, UriComponentsBuilder uri) {
        TargetsRequest t = request.targets();
        Programme programme = programmes.create(request.title(), request.theme(),
                new Organiser(request.organiser().level(), request.organiser().regionCode(), request.organiser().name().strip()),
                request.period().start(), request.period().end(), request.targetRegions(),
                t == null ? null : new Targets(t.trainings(), t.kimsTrained(), t.outputs(), t.peopleReached()));
        return ResponseEntity.created(uri.path("/api/programmes/{id}").build(programme.id().value()))
                .eTag(ETags.of(programme.version())).body(response(programme));
    }

    @GetMapping("/{id}")
    @Allowed(TrainingRights.PROGRAMMES_READ)
    @Operation(summary = "A programme with its progress against its targets", description = "The ETag is the version, "
            + "for If-Match on corrections.")
    @ApiResponse(responseCode = "200", description = "The programme; the ETag is its version")
    ResponseEntity<ProgrammeResponse> get(@PathVariable @Parameter(description = "The programme's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id) {
        Programme programme = programmes.get(ids(id));
        return ResponseEntity.ok().eTag(ETags.of(programme.version())).body(response(programme));
    }

    @PatchMapping(value = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Allowed(TrainingRights.PROGRAMMES_UPDATE)
    @Operation(operationId = "correctProgramme", summary = "Correct a programme", description = "Title, theme, period, target regions and targets; the "
            + "fields left out stay. Needs If-Match with the ETag last read (428 without it, 412 when stale). The period must "
            + "still hold every training that is not cancelled (422 names them). Publishes ProgrammeUpdated when something "
            + "changed.")
    @ApiResponse(responseCode = "200", description = "The programme as corrected; the ETag is its new version")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): the period would leave out a training, ends before it starts, a region is unknown")
    ResponseEntity<ProgrammeResponse> correct(@PathVariable @Parameter(description = "The programme's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                              @Parameter(description = "The ETag last read, e.g. \"3\"", required = true)
                                              @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ProgrammeCorrection.class),
                    examples = @ExampleObject(name = "targets", summary = "Higher targets and one more region", value = PROGRAMME_CORRECTION_EXAMPLE)))
                    ProgrammeCorrection c) {
        ProgrammeId programmeId = ids(id);
        long expected = ETags.required(ifMatch, "programme");
        TargetsRequest t = c.targets();
        Programme programme = programmes.correct(programmeId, expected, new Programme.Correction(c.title(), c.theme(),
                c.period() == null ? null : c.period().start(), c.period() == null ? null : c.period().end(),
                c.targetRegions(), t == null ? null : new Targets(t.trainings(), t.kimsTrained(), t.outputs(), t.peopleReached())));
        return ResponseEntity.ok().eTag(ETags.of(programme.version())).body(response(programme));
    }

    @GetMapping
    @Allowed(TrainingRights.PROGRAMMES_READ)
    @Operation(summary = "List programmes", description = "By theme; by region (programmes whose target regions hold it, "
            + "lie within it or cover all of Indonesia); by organiser level and organiser region; running at some time "
            + "between from and to (inclusive); by status today (PLANNED, RUNNING, ENDED by the period, WIB date). "
            + "Newest period first unless sorted.")
    PageResponse<ProgrammeResponse> list(@RequestParam(required = false) @Size(max = 41) String theme,
                                         @RequestParam(required = false) @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN,
                                                 message = RegionCode.NOT_A_CODE + " such as 63 or 63.03") String region,
                                         @RequestParam(required = false) Organiser.Level organiser,
                                         @RequestParam(required = false) @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN,
                                                 message = RegionCode.NOT_A_CODE + " such as 63 or 63.03") String organiserRegion,
                                         @RequestParam(required = false) LocalDate from,
                                         @RequestParam(required = false) LocalDate to,
                                         @RequestParam(required = false) ProgrammeStatus status,
                                         @RequestParam(required = false) @Size(max = 40) @SortedBy(ProgrammeService.class) String sort,
                                         @Valid PageQuery page) {
        return programmes.list(new ProgrammeService.Filter(theme, region, organiser, organiserRegion, from, to, status),
                ProgrammeService.SORT.parse(sort), page).map(this::response);
    }

    private ProgrammeResponse response(Programme p) {
        return new ProgrammeResponse(p.id().value(), p.title(), p.theme(), p.organiser(), p.periodStart(), p.periodEnd(),
                p.status(programmes.today()), p.targetRegions(), p.targets(), progress.of(p), p.createdAt(), p.version());
    }

    static ProgrammeId ids(String id) {
        return new ProgrammeId(Ids.parse(id, "programme"));
    }
}
