package id.simpul.registry.kim;

import id.simpul.regions.RegionCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A KIM profile as a client sends it (POST /api/kims, PUT /api/kims/{id}). Only {@code name} and
 * {@code villageCode} are required; regional rules may require more.
 */
public record KimRequest(
        @NotBlank @Size(max = KimProfile.NAME_MAX_LENGTH) String name,
        @NotBlank @Size(max = 13) @Pattern(regexp = RegionCode.VILLAGE_PATTERN,
                message = "must be a village/kelurahan code PP.RR.DD.VVVV, for example 63.03.05.1001") String villageCode,
        @Size(max = 500) String address,
        @PastOrPresent LocalDate foundedOn,
        @Valid DecreeRequest decree,
        @Valid OfficersRequest officers,
        @Min(1) @Max(100_000) Integer memberCount,
        @Valid ContactRequest contact,
        @Size(max = 20) List<@Valid @NotNull MediaRequest> mediaChannels,
        @Size(max = 12) Set<@NotNull FocusArea> focusAreas,
        @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9./-]+$", message = "may hold letters, digits and . / - only") String kimIdNumber,
        KimStatus status,
        CriteriaRequest candidateCriteria) {

    public record DecreeRequest(@Size(max = 100) String number, @PastOrPresent LocalDate date, @Size(max = 200) String issuer) {
    }

    public record OfficersRequest(@Size(max = 120) String chair, @Size(max = 120) String secretary,
                           @Size(max = 120) String treasurer,
                           @Size(max = 20) List<@Valid @NotNull SectionHeadRequest> sectionHeads) {
    }

    public record SectionHeadRequest(@NotBlank @Size(max = 120) String section, @NotBlank @Size(max = 120) String name) {
    }

    public record ContactRequest(
            @Size(max = 20) @Pattern(regexp = "^\\+?[0-9][0-9 ()-]{5,19}$", message = "must be a phone number like +62 812-3456-7890") String phone,
            @Email @Size(max = 200) String email) {
    }

    public record MediaRequest(@NotNull MediaType type, @NotBlank @Size(max = 300) String address, @Min(0) Integer followers) {
    }

    public record CriteriaRequest(boolean productive, boolean hasPotential, boolean active, boolean hasOwnMedia) {
    }

    public KimProfile toProfile() {
        return new KimProfile(name, new RegionCode(villageCode), address, foundedOn,
                decree == null ? null : new Decree(KimProfile.tidy(decree.number()), decree.date(), KimProfile.tidy(decree.issuer())),
                officers == null ? null : new Officers(KimProfile.tidy(officers.chair()), KimProfile.tidy(officers.secretary()),
                        KimProfile.tidy(officers.treasurer()), officers.sectionHeads() == null ? List.of()
                        : officers.sectionHeads().stream().map(h -> new Officers.SectionHead(KimProfile.tidy(h.section()),
                        KimProfile.tidy(h.name()))).toList()),
                memberCount,
                contact == null ? null : new Contact(KimProfile.tidy(contact.phone()), KimProfile.tidy(contact.email())),
                mediaChannels == null ? List.of() : mediaChannels.stream()
                        .map(m -> new MediaChannel(m.type(), KimProfile.tidy(m.address()), m.followers())).toList(),
                focusAreas, kimIdNumber);
    }

    public CandidateCriteria toCriteria() {
        return candidateCriteria == null ? null : new CandidateCriteria(candidateCriteria.productive(),
                candidateCriteria.hasPotential(), candidateCriteria.active(), candidateCriteria.hasOwnMedia());
    }
}
