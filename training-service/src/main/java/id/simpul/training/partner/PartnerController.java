package id.simpul.training.partner;

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
import jakarta.validation.constraints.Email;
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
import java.util.List;

@RestController
@RequestMapping("/api/partners")
@Validated
@Tag(name = "Partners", description = "Organisations that brief KIMs: health offices, Puskesmas, universities...")
class PartnerController {

    static final String PARTNER_CORRECTION_EXAMPLE = """
            {"contacts": [{"name": "Yuliana Nenobais, S.Gz.", "role": "Ahli gizi", "phone": "+62 812-3456-7890"}]}
            """;

    static final String PARTNER_EXAMPLE = """
            {"name": "Dinas Kesehatan Kabupaten Kupang", "type": "HEALTH_OFFICE", "regionCode": "53.01",
             "contacts": [{"name": "dr. Maria Tefa", "role": "Kepala Seksi Gizi", "phone": "+62 380-821-100",
                           "email": "gizi@dinkes-kupang.example"}]}
            """;


    private final PartnerService partners;

    PartnerController(PartnerService partners) {
        this.partners = partners;
    }

    record PartnerRequest(@NotBlank @Size(max = 200) String name, @NotNull PartnerType type,
                          @NotBlank @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN,
                                  message = RegionCode.NOT_A_CODE + " such as 63.03") String regionCode,
                          @Size(max = 20) List<@Valid @NotNull ContactRequest> contacts) {
    }

    record ContactRequest(@NotBlank @Size(max = 120) String name, @Size(max = 120) String role,
                          @Size(max = 20) @Pattern(regexp = "^\\+?[0-9][0-9 ()-]{5,19}$", message = "must be a phone number like +62 812-3456-7890") String phone,
                          @Email @Size(max = 200) String email) {
    }

    record PartnerResponse(String id, String name, PartnerType type, String regionCode, List<ContactPerson> contacts,
                           Instant registeredAt, long version) {
        static PartnerResponse of(Partner p) {
            return new PartnerResponse(p.id().value(), p.name(), p.type(), p.regionCode(), p.contacts(), p.registeredAt(), p.version());
        }
    }

    /** A correction: the fields sent are set, those left out (or null) stay. Contacts are replaced as a whole. */
    record PartnerCorrection(@Size(max = 200) @Pattern(regexp = "^[\\s\\S]*\\S[\\s\\S]*$", message = "must not be blank") String name,
                             @Size(max = 20) List<@Valid @NotNull ContactRequest> contacts) {
    }

    @PostMapping
    @Allowed(TrainingRights.PARTNERS_CREATE)
    @Operation(summary = "Register a partner", description = "Publishes PartnerRegistered (without its contact people).")
    @ApiResponse(responseCode = "201", description = "Registered; Location is the new partner")
    @ApiResponse(responseCode = "422", description = "Breaks a rule (rule-violation): the region is no Kemendagri region")
    ResponseEntity<PartnerResponse> register(@Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PartnerRequest.class),
                    examples = @ExampleObject(name = "dinkes", summary = "A health office", value = PARTNER_EXAMPLE)))
                    PartnerRequest request, UriComponentsBuilder uri) {
        Partner partner = partners.register(request.name(), request.type(), request.regionCode(),
                request.contacts() == null ? List.of() : contacts(request.contacts()));
        return ResponseEntity.created(uri.path("/api/partners/{id}").build(partner.id().value()))
                .eTag(ETags.of(partner.version())).body(PartnerResponse.of(partner));
    }

    @GetMapping("/{id}")
    @Allowed(TrainingRights.PARTNERS_READ)
    @Operation(summary = "A partner", description = "The ETag is the version, for If-Match on corrections.")
    @ApiResponse(responseCode = "200", description = "The partner with its contacts; the ETag is its version")
    ResponseEntity<PartnerResponse> get(@PathVariable @Parameter(description = "The partner's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id) {
        Partner partner = partners.read(ids(id));
        return ResponseEntity.ok().eTag(ETags.of(partner.version())).body(PartnerResponse.of(partner));
    }

    @PatchMapping(value = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Allowed(TrainingRights.PARTNERS_UPDATE)
    @Operation(operationId = "correctPartner", summary = "Correct a partner", description = "Its name and/or contact people (the list replaces the "
            + "one before); the fields left out stay. Needs If-Match with the ETag last read (428 without it, 412 when "
            + "stale). Publishes PartnerUpdated (without the contacts) when something changed.")
    @ApiResponse(responseCode = "200", description = "The partner as corrected; the ETag is its new version")
    ResponseEntity<PartnerResponse> correct(@PathVariable @Parameter(description = "The partner's id (a UUID; a malformed one is 400)", schema = @Schema(format = "uuid")) String id,
                                            @Parameter(description = "The ETag last read, e.g. \"3\"", required = true)
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PartnerCorrection.class),
                    examples = @ExampleObject(name = "contacts", summary = "New contact people", value = PARTNER_CORRECTION_EXAMPLE)))
                    PartnerCorrection c) {
        PartnerId partnerId = ids(id);
        long expected = ETags.required(ifMatch, "partner");
        Partner partner = partners.correct(partnerId, expected, c.name(), c.contacts() == null ? null : contacts(c.contacts()));
        return ResponseEntity.ok().eTag(ETags.of(partner.version())).body(PartnerResponse.of(partner));
    }

    @GetMapping
    @Allowed(TrainingRights.PARTNERS_READ)
    @Operation(summary = "List partners", description = "By type, region (a code and everything below it) and name (q: "
            + "part of the name; case and spacing aside). By name unless sorted.")
    PageResponse<PartnerResponse> list(@RequestParam(required = false) PartnerType type,
                                       @RequestParam(required = false) @Size(max = 13) @Pattern(regexp = RegionCode.PATTERN,
                                               message = RegionCode.NOT_A_CODE + " such as 63.03") String region,
                                       @RequestParam(required = false) @Size(max = 100) String q,
                                       @RequestParam(required = false) @Size(max = 40) @SortedBy(PartnerService.class) String sort,
                                       @Valid PageQuery page) {
        return partners.list(type, region, q, PartnerService.SORT.parse(sort), page).map(PartnerResponse::of);
    }

    private static List<ContactPerson> contacts(List<ContactRequest> contacts) {
        return contacts.stream().map(c -> new ContactPerson(c.name().strip(), c.role(), c.phone(), c.email())).toList();
    }

    static PartnerId ids(String id) {
        return new PartnerId(Ids.parse(id, "partner"));
    }
}
