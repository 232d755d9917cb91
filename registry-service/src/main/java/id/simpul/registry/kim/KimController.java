package id.simpul.registry.kim;

import id.simpul.platform.Problems;
import id.simpul.registry.region.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;

@RestController
@RequestMapping("/api/kims")
@Tag(name = "KIMs", description = "Register and read KIMs (Kelompok Informasi Masyarakat)")
class KimController {

    private final KimService kims;

    KimController(KimService kims) {
        this.kims = kims;
    }

    @PostMapping
    @Operation(summary = "Register a KIM", description = "Stores the KIM as SUBMITTED and publishes KimRegistered.")
    ResponseEntity<KimResponse> register(@Valid @RequestBody RegisterKimRequest request, UriComponentsBuilder uri) {
        Kim kim = kims.register(request.name(), new RegionCode(request.villageCode()));
        return ResponseEntity.created(uri.path("/api/kims/{id}").build(kim.id().value()))
                .eTag(etag(kim))
                .body(KimResponse.of(kim));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a KIM")
    ResponseEntity<KimResponse> get(@PathVariable String id) {
        Kim kim = parse(id).flatMap(kims::find).orElseThrow(() -> Problems.notFound("KIM", id));
        return ResponseEntity.ok().eTag(etag(kim)).body(KimResponse.of(kim));
    }

    private static java.util.Optional<KimId> parse(String id) {
        try {
            return java.util.Optional.of(new KimId(id));
        } catch (IllegalArgumentException notAUuid) {
            return java.util.Optional.empty();
        }
    }

    private static String etag(Kim kim) {
        return "\"" + kim.version() + "\"";
    }

    record RegisterKimRequest(
            @NotBlank @Size(max = Kim.NAME_MAX_LENGTH) String name,
            @NotBlank @Pattern(regexp = RegionCode.VILLAGE_PATTERN,
                    message = "must be a village/kelurahan code PP.RR.DD.VVVV, for example 63.03.05.1001")
            String villageCode) {
    }

    record KimResponse(String id, String name, String villageCode, KimStatus status, Instant registeredAt,
                       long version) {

        static KimResponse of(Kim kim) {
            return new KimResponse(kim.id().value(), kim.name(), kim.village().value(), kim.status(),
                    kim.registeredAt(), kim.version());
        }
    }
}
