package id.simpul.training.partner;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.training.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import java.util.List;

@RestController
@RequestMapping("/api/partners")
@Validated
@Tag(name = "Partners", description = "Organisations that brief KIMs: health offices, Puskesmas, universities...")
class PartnerController {

    private final PartnerService partners;

    PartnerController(PartnerService partners) {
        this.partners = partners;
    }

    record PartnerRequest(@NotBlank @Size(max = 200) String name, @NotNull PartnerType type,
                          @NotBlank @Size(max = 13) @Pattern(regexp = "^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$",
                                  message = "must be a Kemendagri region code such as 63.03") String regionCode,
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

    @PostMapping
    @Operation(summary = "Register a partner", description = "Publishes PartnerRegistered (without its contact people).")
    ResponseEntity<PartnerResponse> register(@Valid @RequestBody PartnerRequest request, UriComponentsBuilder uri) {
        Partner partner = partners.register(request.name(), request.type(), request.regionCode(),
                request.contacts() == null ? List.of() : request.contacts().stream()
                        .map(c -> new ContactPerson(c.name().strip(), c.role(), c.phone(), c.email())).toList());
        return ResponseEntity.created(uri.path("/api/partners/{id}").build(partner.id().value())).body(PartnerResponse.of(partner));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A partner")
    PartnerResponse get(@PathVariable String id) {
        try {
            return PartnerResponse.of(partners.get(new PartnerId(id)));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFoundException("partner", id);
        }
    }

    @GetMapping
    @Operation(summary = "List partners", description = "By type and/or region (a code and everything below it), by name.")
    PageResponse<PartnerResponse> list(@RequestParam(required = false) PartnerType type,
                                       @RequestParam(required = false) String region, @Valid PageQuery page) {
        return partners.list(type, region, page).map(PartnerResponse::of);
    }
}
