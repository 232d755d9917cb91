package id.simpul.training.session;

import id.simpul.platform.access.Allowed;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.ETags;
import id.simpul.platform.Ids;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.SortedBy;
import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import id.simpul.regions.IndonesianTimeZone;
import id.simpul.regions.RegionCode;
import id.simpul.regions.RegionDataset;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.partner.PartnerId;
import id.simpul.training.programme.ProgrammeId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

@RestController
@RequestMapping("/api/trainings")
@Validated
@Tag(name = "Trainings", description = "Training sessions: partners brief, KIMs enrol, attend and get certificates")
class TrainingController {

    static final String SIGN_IN_SHEET = "A sign-in sheet: CSV (UTF-8, one header row, comma- or semicolon-separated) with "
            + "the column id_pendaftaran (the enrolment id), or the columns kim_id and nama_peserta (the participant's name "
            + "as enrolled, case and spacing aside). Every row must match a participant in a seat; otherwise nothing is "
            + "recorded and 422 lists the rows.";

    static final String ATTENDANCE = "Participants present (in seats), from the training's start: as JSON "
            + "(application/json) the enrolment ids, or as a sign-in sheet (multipart/form-data, the part file). "
            + SIGN_IN_SHEET + " Publishes AttendanceRecorded for those not yet recorded.";

    static final String ATTENDANCE_EXAMPLE = """
            {"enrolmentIds": ["1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"]}
            """;

    static final String ENROLMENT_EXAMPLE = """
            {"kimId": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "participant": {"name": "Yohanes Wenda", "role": "Ketua KIM"}}
            """;

    static final String INVITATION_EXAMPLE = """
            {"partnerId": "8d0e6f1a-2b3c-4d5e-8f70-9a1b2c3d4e5f"}
            """;

    static final String RESCHEDULE_EXAMPLE = """
            {"start": "2027-02-17T09:00", "end": "2027-02-17T14:00", "reason": "Aula dipakai untuk posyandu"}
            """;

    static final String STATUS_EXAMPLE = """
            {"status": "SCHEDULED"}
            """;

    static final String TRAINING_CORRECTION_EXAMPLE = """
            {"capacity": 60, "venue": {"regionCode": "53.01.08", "address": "Gedung Serbaguna Kupang Tengah"}}
            """;

    static final String TRAINING_EXAMPLE = """
            {"programmeId": "3f2b8c1e-5d4a-4e0b-9c6f-1a2b3c4d5e6f", "title": "Pembekalan KIM: Cegah Stunting di Kabupaten Kupang",
             "topic": "Gizi ibu hamil dan 1.000 hari pertama kehidupan", "mode": "IN_PERSON",
             "venue": {"regionCode": "53.01.08", "address": "Aula Kantor Camat Kupang Tengah"},
             "start": "2027-02-10T09:00", "end": "2027-02-10T14:00", "capacity": 40, "enrolmentDeadline": "2027-02-08T17:00",
             "materials": [{"title": "Modul Cegah Stunting", "link": "https://dinkes-kupang.example/modul.pdf"}]}
            """;


    private final TrainingService trainings;
    private final AttendanceSheets sheets;
    private final RegionDataset regions;

    TrainingController(TrainingService trainings, AttendanceSheets sheets, RegionDataset regions) {
        this.trainings = trainings;
        this.sheets = sheets;
        this.regions = regions;
    }

    record TrainingRequest(
            @NotBlank @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a programme id") String programmeId,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 300) String topic,
            @NotNull TrainingMode mode,
            @NotNull @Valid VenueRequest venue,
            IndonesianTimeZone timeZone,
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @NotNull @Min(1) @Max(Training.MAX_CAPACITY) Integer capacity,
            LocalDateTime enrolmentDeadline,
            @Size(max = 30) List<@Valid @NotNull MaterialRequest> materials) {
    }

    record VenueRequest(@Size(max = 13) @Pattern(regexp = RegionCode.PATTERN,
            message = RegionCode.NOT_A_CODE + " such as 63.03.05") String regionCode,
                        @Size(max = 500) String address,
                        @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be a web address") String meetingLink) {
    }

    record MaterialRequest(@NotBlank @Size(max = 200) String title,
                           @NotBlank @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be a web address") String link) {
    }

    @PostMapping
    @Allowed(TrainingRights.TRAININGS_CREATE)
    @Operation(summary = "Plan a training (as a DRAFT)", description = "Start, end and enrolment deadline are local times at "
            + "the venue; the venue's province gives the time zone (WIB, WITA, WIT). Publishes TrainingDrafted; schedule it "
            + "with POST /api/trainings/{id}/status.")
    @ApiResponse(responseCode = "201", description = "Planned as a DRAFT; Location is the new training")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): no such programme, a start in the past or outside the programme's period, an end before the start, a deadline after it, a venue that is no region or in another zone")
    ResponseEntity<TrainingResponse> draft(@Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = TrainingRequest.class),
                    examples = @ExampleObject(name = "kupang", summary = "A training in Oelamasi (WITA)", value = TRAINING_EXAMPLE)))
                    TrainingRequest r, UriComponentsBuilder uri) {
        Training training = trainings.draft(new TrainingService.Plan(new ProgrammeId(r.programmeId()), r.title(), r.topic(),
                r.mode(), new Venue(r.venue().regionCode(), r.venue().address(), r.venue().meetingLink()), r.timeZone(),
                r.start(), r.end(), r.capacity(), r.enrolmentDeadline(),
                r.materials() == null ? List.of() : materials(r.materials())));
        return ResponseEntity.created(uri.path("/api/trainings/{id}").build(training.id().value())).eTag(etag(training))
                .body(TrainingResponse.of(training, regions));
    }

    @GetMapping("/{id}")
    @Allowed(TrainingRights.TRAININGS_READ)
    @Operation(summary = "A training with its invitations and enrolments")
    @ApiResponse(responseCode = "200", description = "The training; the ETag is its version")
    ResponseEntity<TrainingResponse> get(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id) {
        Training training = trainings.read(ids(id));
        return ResponseEntity.ok().eTag(etag(training)).body(TrainingResponse.of(training, regions));
    }

    @GetMapping
    @Allowed(TrainingRights.TRAININGS_READ)
    @Operation(summary = "List trainings", description = "By programme, region (venue at or below it), local start date "
            + "at the venue from/to (inclusive) and status; by start unless sorted.")
    PageResponse<TrainingResponse> list(@RequestParam(required = false) @Size(max = 36)
                                        @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a programme id") String programme,
                                        @RequestParam(required = false) @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN,
                                                message = RegionCode.NOT_A_CODE + " such as 63.03.05") String region,
                                        @RequestParam(required = false) LocalDate from,
                                        @RequestParam(required = false) LocalDate to,
                                        @RequestParam(required = false) TrainingStatus status,
                                        @RequestParam(required = false) @Size(max = 40) @SortedBy(TrainingService.class) String sort,
                                        @Valid PageQuery page) {
        ProgrammeId programmeId = programme == null ? null : new ProgrammeId(programme.toLowerCase(java.util.Locale.ROOT));
        return trainings.list(new TrainingService.Filter(programmeId, region, from, to, status),
                TrainingService.SORT.parse(sort), page).map(t -> TrainingResponse.of(t, regions));
    }

    /** A correction: the fields sent are set, those left out (or null) stay. Times change with /reschedule. */
    record TrainingCorrection(@Size(max = 200) @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank") String title,
                              @Size(max = 300) @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank") String topic,
                              @Valid VenueRequest venue,
                              @Min(1) @Max(Training.MAX_CAPACITY) Integer capacity,
                              LocalDateTime enrolmentDeadline,
                              @Size(max = 30) List<@Valid @NotNull MaterialRequest> materials) {
    }

    @PatchMapping(value = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Allowed(TrainingRights.TRAININGS_UPDATE)
    @Operation(operationId = "correctTraining", summary = "Correct a training", description = "Title, topic and materials at any time; venue, capacity and "
            + "enrolment deadline (local time at the venue) while DRAFT or SCHEDULED (409 otherwise). The fields left out "
            + "stay; its times move with /reschedule. Capacity never below the seats taken (422); raised, it seats those "
            + "waiting, first come first. A new venue stays in the training's time zone. Needs If-Match with the ETag last "
            + "read (428 without it, 412 when stale). Publishes TrainingUpdated, then ParticipantPromoted per seat taken.")
    @ApiResponse(responseCode = "200", description = "The training as corrected; the ETag is its new version")
    @ApiResponse(responseCode = "409", description = "Not possible now (conflict): the training's status or time does not allow it; detail says why")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): capacity below the seats taken, a deadline after the start, a venue in another zone")
    ResponseEntity<TrainingResponse> correct(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                             @Parameter(description = "The ETag last read, e.g. \"3\"", required = true)
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = TrainingCorrection.class),
                    examples = @ExampleObject(name = "capacity", summary = "A bigger hall", value = TRAINING_CORRECTION_EXAMPLE)))
                    TrainingCorrection c) {
        TrainingId trainingId = ids(id);
        long expected = ETags.required(ifMatch, "training");
        Training training = trainings.correct(trainingId, expected, new TrainingService.Correction(c.title(), c.topic(),
                c.venue() == null ? null : new Venue(c.venue().regionCode(), c.venue().address(), c.venue().meetingLink()),
                c.capacity(), c.enrolmentDeadline(), c.materials() == null ? null : materials(c.materials())));
        return ResponseEntity.ok().eTag(etag(training)).body(TrainingResponse.of(training, regions));
    }

    private static List<Material> materials(List<MaterialRequest> materials) {
        return materials.stream().map(m -> new Material(m.title(), m.link())).toList();
    }

    record StatusRequest(@NotNull TrainingStatus status, @Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/status")
    @Allowed(TrainingRights.TRAININGS_CHANGE_STATUS)
    @Operation(operationId = "changeTrainingStatus", summary = "Schedule, complete or cancel a training", description = "DRAFT → SCHEDULED → COMPLETED, or "
            + "DRAFT/SCHEDULED → CANCELLED (with a reason). Completing issues a certificate to every attendee. If-Match is "
            + "checked when sent.")
    @ApiResponse(responseCode = "200", description = "The training in its new status")
    @ApiResponse(responseCode = "409", description = "Not possible now (conflict): the training's status or time does not allow it; detail says why")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): cancelling without a reason, scheduling a draft whose start has passed")
    ResponseEntity<TrainingResponse> changeStatus(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                                  @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = StatusRequest.class),
                    examples = @ExampleObject(name = "schedule", summary = "Open for enrolment", value = STATUS_EXAMPLE)))
                    StatusRequest request) {
        TrainingId trainingId = ids(id);
        Long expected = version(ifMatch);
        Training training = switch (request.status()) {
            case SCHEDULED -> trainings.schedule(trainingId, expected);
            case COMPLETED -> trainings.complete(trainingId, expected);
            case CANCELLED -> trainings.cancel(trainingId, expected, request.reason());
            case DRAFT -> throw Problems.exception(Problems.invalid(List.of(new FieldProblem("status",
                    "a training becomes SCHEDULED, COMPLETED or CANCELLED; it never goes back to DRAFT"))));
        };
        return ResponseEntity.ok().eTag(etag(training)).body(TrainingResponse.of(training, regions));
    }

    record RescheduleRequest(@NotNull LocalDateTime start, @NotNull LocalDateTime end, LocalDateTime enrolmentDeadline,
                             @Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/reschedule")
    @Allowed(TrainingRights.TRAININGS_RESCHEDULE)
    @Operation(operationId = "rescheduleTraining", summary = "Move a scheduled training", description = "Local times at the venue. Enrolments stay; every booked "
            + "speaker must be free at the new time (409 names the other training). Publishes TrainingRescheduled.")
    @ApiResponse(responseCode = "200", description = "The training at its new time")
    @ApiResponse(responseCode = "409", description = "Not possible now (conflict: attendance recorded, not open) or a speaker is booked elsewhere then (speaker-double-booked)")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): a start in the past or outside the programme's period, an end before the start")
    ResponseEntity<TrainingResponse> reschedule(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = RescheduleRequest.class),
                    examples = @ExampleObject(name = "later", summary = "A week later", value = RESCHEDULE_EXAMPLE)))
                    RescheduleRequest r) {
        Training training = trainings.reschedule(ids(id), version(ifMatch), r.start(), r.end(), r.enrolmentDeadline(), r.reason());
        return ResponseEntity.ok().eTag(etag(training)).body(TrainingResponse.of(training, regions));
    }

    record InvitationRequest(@NotBlank @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a partner id") String partnerId) {
    }

    @PostMapping("/{id}/invitations")
    @Allowed(TrainingRights.TRAININGS_INVITE)
    @Operation(operationId = "inviteToTraining", summary = "Invite a partner to brief the training", description = "Publishes PartnerInvited.")
    @ApiResponse(responseCode = "201", description = "Invited; Location is the invitation")
    @ApiResponse(responseCode = "409", description = "Not possible now (conflict): the partner is already invited, or the training is closed")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): no such partner")
    ResponseEntity<TrainingResponse.InvitationView> invite(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id, @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = InvitationRequest.class),
                    examples = @ExampleObject(name = "partner", summary = "Invite a health office", value = INVITATION_EXAMPLE)))
                    InvitationRequest request,
                                                           UriComponentsBuilder uri) {
        Training training = trainings.invite(ids(id), new PartnerId(request.partnerId()));
        Invitation invitation = training.invitations().getLast();
        return ResponseEntity.created(uri.path("/api/invitations/{id}").build(invitation.id().value()))
                .body(TrainingResponse.InvitationView.of(invitation));
    }

    record EnrolmentRequest(@NotBlank @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a KIM id") String kimId,
                            @NotNull @Valid ParticipantRequest participant) {
    }

    record ParticipantRequest(@NotBlank @Size(max = 120) String name, @Size(max = 120) String role) {
    }

    @PostMapping("/{id}/enrolments")
    @Allowed(TrainingRights.ENROLMENTS_CREATE)
    @Operation(operationId = "enrolInTraining", summary = "Enrol a participant of a KIM", description = "Only KIMs that registry-service reports VERIFIED or "
            + "ACTIVE, in the programme's target regions, may enrol (422 says why not; for a KIM training-service has not "
            + "heard of yet, retry shortly). A seat while there is one (ENROLLED), the waitlist otherwise (WAITLISTED).")
    @ApiResponse(responseCode = "201", description = "Enrolled (ENROLLED in a seat, or WAITLISTED); Location is the enrolment")
    @ApiResponse(responseCode = "409", description = "Not possible now (conflict): enrolment closed, the training is not SCHEDULED, the person is already enrolled")
    @ApiResponse(responseCode = "422", description = "The KIM may not enrol (kim-status, outside-target-regions) or is not known yet (kim-not-known-yet, with Retry-After)")
    ResponseEntity<TrainingResponse.EnrolmentView> enrol(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id, @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EnrolmentRequest.class),
                    examples = @ExampleObject(name = "participant", summary = "A KIM sends its chair", value = ENROLMENT_EXAMPLE)))
                    EnrolmentRequest request,
                                                         UriComponentsBuilder uri) {
        TrainingService.Enrolled enrolled = trainings.enrol(ids(id), request.kimId(),
                new Participant(request.participant().name().strip(), request.participant().role()));
        return ResponseEntity.created(uri.path("/api/enrolments/{id}").build(enrolled.enrolment().id().value()))
                .eTag(etag(enrolled.training()))
                .body(TrainingResponse.EnrolmentView.of(enrolled.training(), enrolled.enrolment()));
    }

    @GetMapping("/{id}/enrolments")
    @Allowed(TrainingRights.ENROLMENTS_READ)
    @Operation(operationId = "listTrainingEnrolments", summary = "Enrolments of a training", description = "In order of enrolment; status filters.")
    PageResponse<TrainingResponse.EnrolmentView> enrolments(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                                            @RequestParam(required = false) Enrolment.Status status,
                                                            @Valid PageQuery page) {
        Training training = trainings.withEnrolments(ids(id));
        return PageResponse.slice(training.enrolments().stream().filter(e -> status == null || e.status() == status)
                .map(e -> TrainingResponse.EnrolmentView.of(training, e)).toList(), page);
    }

    record AttendanceRequest(@NotEmpty @Size(max = Training.MAX_CAPACITY)
                             List<@NotBlank @Size(max = 36) @Pattern(regexp = Ids.UUID_PATTERN, message = "must be an enrolment id") String> enrolmentIds) {
    }

    @PostMapping(value = "/{id}/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(TrainingRights.ATTENDANCE_RECORD)
    @Operation(operationId = "recordAttendance", summary = "Record who attended", description = ATTENDANCE)
    @ApiResponse(responseCode = "200", description = "The training with the attendance recorded")
    @ApiResponse(responseCode = "409", description = "Not possible now (conflict): the training's status or time does not allow it; detail says why")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): an id that is no enrolment of this training, or not in a seat")
    ResponseEntity<TrainingResponse> attendance(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id, @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {@Content(mediaType = "application/json",
                    schema = @Schema(implementation = AttendanceRequest.class),
                    examples = @ExampleObject(name = "present", summary = "Two participants present", value = ATTENDANCE_EXAMPLE)),
                    // The sign-in sheet shares the path and method (attendanceSheet below): one operation, two forms.
                    @Content(mediaType = "multipart/form-data", schema = @Schema(type = "object", requiredProperties = "file"),
                            schemaProperties = @SchemaProperty(name = "file", schema = @Schema(type = "string", format = "binary",
                                    description = SIGN_IN_SHEET)))})
                    AttendanceRequest request) {
        Training training = trainings.recordAttendance(ids(id), request.enrolmentIds().stream().map(EnrolmentId::new).toList());
        return ResponseEntity.ok().eTag(etag(training)).body(TrainingResponse.of(training, regions));
    }

    @PostMapping(value = "/{id}/attendance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed(TrainingRights.ATTENDANCE_RECORD)
    @Operation(operationId = "recordAttendance", summary = "Record who attended", description = ATTENDANCE)
    @ApiResponse(responseCode = "200", description = "The training with the attendance recorded")
    @ApiResponse(responseCode = "409", description = "Not possible now (conflict): the training's status or time does not allow it; detail says why")
    @ApiResponse(responseCode = "422", description = "Rows that match no participant in a seat (rule-violation; errors[] names each row); nothing is recorded")
    ResponseEntity<TrainingResponse> attendanceSheet(@PathVariable @Parameter(description = "The training's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id, @RequestParam("file") MultipartFile file)
            throws IOException {
        TrainingId trainingId = ids(id);
        List<EnrolmentId> present = sheets.read(trainings.get(trainingId), file.getBytes());
        Training training = trainings.recordAttendance(trainingId, present);
        return ResponseEntity.ok().eTag(etag(training)).body(TrainingResponse.of(training, regions));
    }

    static TrainingId ids(String id) {
        return new TrainingId(Ids.parse(id, "training"));
    }

    static Long version(String etag) {
        return ETags.version(etag).orElse(null);
    }

    static String etag(Training training) {
        return ETags.of(training.version());
    }
}
