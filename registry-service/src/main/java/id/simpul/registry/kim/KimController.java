package id.simpul.registry.kim;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import id.simpul.platform.access.Allowed;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionCode;
import id.simpul.platform.ETags;
import id.simpul.platform.Ids;
import id.simpul.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/kims")
@Validated
@Tag(name = "KIMs", description = "Map, register and follow KIMs (Kelompok Informasi Masyarakat) and candidate communities")
class KimController {

    private final KimService kims;
    private final RegionDataset regions;

    KimController(KimService kims, RegionDataset regions) {
        this.kims = kims;
        this.regions = regions;
    }

    /** The README's example: a KIM in Kabupaten Banjar, which asks for 15 members and an SK. */
    static final String REGISTER_EXAMPLE = """
            {"name": "KIM Sungai Paring", "villageCode": "63.03.05.1005", "memberCount": 20,
             "decree": {"number": "12/SK/2024", "date": "2024-03-01", "issuer": "Lurah Sungai Paring"},
             "focusAreas": ["HEALTH", "UMKM"],
             "mediaChannels": [{"type": "INSTAGRAM", "address": "@kim.sungaiparing", "followers": 1200}]}""";
    static final String ID = "The KIM's id (a UUID; a malformed one is 400)";
    static final String ETAG = "The KIM's version, as If-Match takes it back";
    static final String DUPLICATE = "A KIM with the same name in the village, or the same kim.id number, is registered "
            + "(duplicate-kim; existingKim names it).";
    static final String RULES = "Breaks its region's rules (rule-violation: minimum members, SK required, a village that "
            + "is not one; errors[] names each field), or a text field holds text that is not accepted (invalid-text).";

    @PostMapping
    @Allowed(KimRights.REGISTER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerKim", summary = "Register a KIM or a candidate community",
            description = "Stores the KIM as SUBMITTED (or CANDIDATE) and publishes KimRegistered.")
    @ApiResponse(responseCode = "201", description = "Registered; Location is the new KIM",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = DUPLICATE)
    @ApiResponse(responseCode = "422", description = RULES)
    ResponseEntity<KimResponse> register(@Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KimRequest.class),
                    examples = @ExampleObject(name = "kim", summary = "A KIM in Kabupaten Banjar", value = REGISTER_EXAMPLE)))
                                         KimRequest request, UriComponentsBuilder uri) {
        KimStatus status = request.status() == null ? KimStatus.SUBMITTED : request.status();
        Kim kim = kims.register(request.toProfile(), status, request.toCriteria());
        return ResponseEntity.created(uri.path("/api/kims/{id}").build(kim.id().value()))
                .eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    @GetMapping("/{id}")
    @Allowed(KimRights.READ)
    @Operation(operationId = "getKim", summary = "Read a KIM", description = "The ETag is the version, for If-Match on changes.")
    @ApiResponse(responseCode = "200", description = "The KIM",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    ResponseEntity<KimResponse> get(@PathVariable @Parameter(description = ID, schema = @Schema(format = "uuid")) String id) {
        KimId kimId = parse(id);
        Kim kim = kims.find(kimId).orElseThrow(() -> new KimExceptions.NotFound(kimId.value()));
        return ResponseEntity.ok().eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    @PutMapping("/{id}")
    @Allowed(KimRights.UPDATE)
    @Operation(operationId = "updateKim", summary = "Replace a KIM's profile",
            description = "Needs If-Match with the ETag last read: 428 without it, 412 when someone changed the KIM since. "
                    + "Publishes KimUpdated when something changed. The status changes through POST /api/kims/{id}/status.")
    @ApiResponse(responseCode = "200", description = "The KIM as it is now",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = DUPLICATE)
    @ApiResponse(responseCode = "422", description = RULES)
    ResponseEntity<KimResponse> update(@PathVariable @Parameter(description = ID, schema = @Schema(format = "uuid")) String id,
                                       // Required in effect: without it the answer is 428 (if-match-required), not Spring's 400.
                                       @Parameter(description = "The ETag last read, e.g. \"3\"", required = true)
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                               content = @Content(mediaType = "application/json",
                                                       schema = @Schema(implementation = KimRequest.class),
                                                       examples = @ExampleObject(name = "kim", summary = "More members",
                                                               value = UPDATE_EXAMPLE)))
                                       KimRequest request) {
        KimId kimId = parse(id);
        if (request.status() != null) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem("status",
                    "changes through POST /api/kims/{id}/status, not with the profile"))));
        }
        long expected = ETags.required(ifMatch, "KIM");
        Kim kim = kims.update(kimId, expected, request.toProfile(), request.toCriteria());
        return ResponseEntity.ok().eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    static final String UPDATE_EXAMPLE = """
            {"name": "KIM Sungai Paring", "villageCode": "63.03.05.1005", "memberCount": 24,
             "decree": {"number": "12/SK/2024", "date": "2024-03-01", "issuer": "Lurah Sungai Paring"},
             "contact": {"phone": "+62 812-5000-1000", "email": "kim.sungaiparing@example.id"}}""";

    record StatusRequest(@NotNull KimStatus status, @Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/status")
    @Allowed(KimRights.CHANGE_STATUS)
    @Operation(operationId = "changeKimStatus", summary = "Move a KIM in its lifecycle",
            description = "CANDIDATE → SUBMITTED → VERIFIED → ACTIVE ⇄ DORMANT; SUBMITTED → REJECTED → SUBMITTED; any but "
                    + "DISSOLVED → DISSOLVED. 409 says which changes are allowed. A reason is required for REJECTED, "
                    + "DORMANT and DISSOLVED. If-Match is checked when sent. Publishes KimStatusChanged.")
    @ApiResponse(responseCode = "200", description = "The KIM in its new status",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "The lifecycle does not allow this change from the current status "
            + "(illegal-transition; allowedTransitions lists those it does).")
    @ApiResponse(responseCode = "422", description = "A promotion the region's rules do not allow yet (rule-violation), "
            + "a reason missing where one is required, or text that is not accepted (invalid-text).")
    ResponseEntity<KimResponse> changeStatus(@PathVariable @Parameter(description = ID, schema = @Schema(format = "uuid")) String id,
                                             @Parameter(description = "The ETag last read; checked when sent")
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                     content = @Content(mediaType = "application/json",
                                                             schema = @Schema(implementation = StatusRequest.class),
                                                             examples = @ExampleObject(name = "dormant", summary = "Dormant, with the reason",
                                                                     value = "{\"status\": \"DORMANT\", \"reason\": \"No activity since June\"}")))
                                             StatusRequest request) {
        Kim kim = kims.changeStatus(parse(id), ETags.version(ifMatch).orElse(null), request.status(), request.reason());
        return ResponseEntity.ok().eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    @GetMapping
    @Allowed(KimRights.READ)
    @Operation(operationId = "listKims", summary = "List KIMs", description = "Filtered by region code at any level "
            + "(region=63 or 63.03 or 63.03.05), status (repeatable), focusArea, hasMedia and name (q); paged and sorted. "
            + "Page by page with page, or on from where the last page ended with its nextCursor (cursor, with the same "
            + "filters): then KIMs registered meanwhile shift nothing, and no KIM is shown twice or skipped. "
            + "A page costs about a page of reads whatever the region holds (docs/api.md).")
    PageResponse<KimResponse> list(@Parameter(description = "A Kemendagri region code at any level: the KIMs within it")
                                   @RequestParam(required = false) String region,
                                   @Parameter(description = "One status, or several (status=VERIFIED&status=ACTIVE)")
                                   @RequestParam(required = false) Set<KimStatus> status,
                                   @RequestParam(required = false) FocusArea focusArea,
                                   @Parameter(description = "true: with at least one media channel; false: with none")
                                   @RequestParam(required = false) Boolean hasMedia,
                                   @Parameter(description = "Text the name contains, in any case")
                                   @RequestParam(required = false) @Size(max = 100) String q,
                                   @RequestParam(required = false) @SortedBy(KimSort.class) String sort,
                                   @Parameter(description = "The nextCursor of the page before: the page that follows it, "
                                           + "in its order (a sort sent beside it must be the same). Not with page.")
                                   @RequestParam(required = false) @Size(max = 1000) String cursor,
                                   @Valid PageQuery page, jakarta.servlet.http.HttpServletRequest request) {
        KimFilter filter = new KimFilter(region(region), status, focusArea, hasMedia, q);
        KimCursor after = null;
        if (cursor != null) {
            if (request.getParameter("page") != null) {
                throw Problems.exception(Problems.invalid(List.of(new FieldProblem(KimCursor.PARAMETER,
                        "either page or cursor: a cursor already says where the page starts"))));
            }
            after = KimCursor.parse(cursor, sort);
        }
        return kims.search(filter, page, KimSort.FIELDS.parse(sort), after).map(kim -> KimResponse.of(kim, regions));
    }

    private RegionCode region(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (regions.find(code.strip()).isEmpty()) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem("region",
                    RegionCode.NOT_A_CODE + " such as 63, 63.03, 63.03.05 or 63.03.05.1001"))));
        }
        return new RegionCode(code.strip());
    }

    private static KimId parse(String id) {
        return new KimId(Ids.parse(id, "KIM"));
    }

    static String etag(Kim kim) {
        return ETags.of(kim.version());
    }
}
