package id.simpul.registry.kim;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import id.simpul.regions.RegionDataset;
import id.simpul.registry.region.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Optional;
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

    @PostMapping
    @Operation(summary = "Register a KIM or a candidate community",
            description = "Stores the KIM as SUBMITTED (or CANDIDATE) and publishes KimRegistered. 409 names an existing "
                    + "KIM with the same name in the village or the same kim.id number; 422 lists broken regional rules.")
    ResponseEntity<KimResponse> register(@Valid @RequestBody KimRequest request, UriComponentsBuilder uri) {
        KimStatus status = request.status() == null ? KimStatus.SUBMITTED : request.status();
        Kim kim = kims.register(request.toProfile(), status, request.toCriteria());
        return ResponseEntity.created(uri.path("/api/kims/{id}").build(kim.id().value()))
                .eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a KIM", description = "The ETag is the version, for If-Match on changes.")
    ResponseEntity<KimResponse> get(@PathVariable String id) {
        Kim kim = parse(id).flatMap(kims::find).orElseThrow(() -> new KimExceptions.NotFound(id));
        return ResponseEntity.ok().eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a KIM's profile",
            description = "Needs If-Match with the ETag last read: 428 without it, 412 when someone changed the KIM since. "
                    + "Publishes KimUpdated when something changed. The status changes through POST /api/kims/{id}/status.")
    ResponseEntity<KimResponse> update(@PathVariable String id,
                                       @Parameter(description = "The ETag last read, e.g. \"3\"")
                                       @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody KimRequest request) {
        if (request.status() != null) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem("status",
                    "changes through POST /api/kims/{id}/status, not with the profile"))));
        }
        long expected = version(ifMatch).orElseThrow(() -> Problems.exception(Problems.of(HttpStatus.PRECONDITION_REQUIRED,
                "if-match-required", "If-Match required", "Send the KIM's ETag in If-Match, so that no change is lost.")));
        KimId kimId = parse(id).orElseThrow(() -> new KimExceptions.NotFound(id));
        Kim kim = kims.update(kimId, expected, request.toProfile(), request.toCriteria());
        return ResponseEntity.ok().eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    record StatusRequest(@NotNull KimStatus status, @Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a KIM in its lifecycle",
            description = "CANDIDATE → SUBMITTED → VERIFIED → ACTIVE ⇄ DORMANT; SUBMITTED → REJECTED → SUBMITTED; any but "
                    + "DISSOLVED → DISSOLVED. 409 says which changes are allowed. A reason is required for REJECTED, "
                    + "DORMANT and DISSOLVED. If-Match is checked when sent. Publishes KimStatusChanged.")
    ResponseEntity<KimResponse> changeStatus(@PathVariable String id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody StatusRequest request) {
        KimId kimId = parse(id).orElseThrow(() -> new KimExceptions.NotFound(id));
        Kim kim = kims.changeStatus(kimId, version(ifMatch).orElse(null), request.status(), request.reason());
        return ResponseEntity.ok().eTag(etag(kim)).body(KimResponse.of(kim, regions));
    }

    @GetMapping
    @Operation(summary = "List KIMs", description = "Filtered by region code at any level (region=63 or 63.03 or "
            + "63.03.05), status (repeatable), focusArea, hasMedia and name (q); paged (page from 0, size up to 100) and "
            + "sorted (sort=name|registeredAt|updatedAt|memberCount[,asc|desc]).")
    PageResponse<KimResponse> list(@RequestParam(required = false) String region,
                                   @RequestParam(required = false) Set<KimStatus> status,
                                   @RequestParam(required = false) FocusArea focusArea,
                                   @RequestParam(required = false) Boolean hasMedia,
                                   @RequestParam(required = false) @Size(max = 100) String q,
                                   @RequestParam(required = false) String sort,
                                   @Valid PageQuery page) {
        KimSort order;
        try {
            order = KimSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem("sort", e.getMessage()))));
        }
        KimFilter filter = new KimFilter(region(region), status, focusArea, hasMedia, q);
        return kims.search(filter, page, order).map(kim -> KimResponse.of(kim, regions));
    }

    private RegionCode region(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (regions.find(code.strip()).isEmpty()) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem("region",
                    "must be a Kemendagri region code such as 63, 63.03, 63.03.05 or 63.03.05.1001"))));
        }
        return new RegionCode(code.strip());
    }

    private static Optional<KimId> parse(String id) {
        try {
            return Optional.of(new KimId(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** The version in an ETag such as "3" or W/"3"; empty when absent or not one of ours (then it cannot match). */
    private static Optional<Long> version(String etag) {
        if (etag == null || etag.isBlank()) {
            return Optional.empty();
        }
        String value = etag.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException notOurs) {
            return Optional.of(-1L);
        }
    }

    static String etag(Kim kim) {
        return "\"" + kim.version() + "\"";
    }
}
