package id.simpul.registry.kim;

import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A KIM as the API answers it: the profile, where it lies by name, its status with what may follow, and history. */
record KimResponse(String id, String name, String villageCode, Place place, String address, LocalDate foundedOn,
                   Decree decree, Officers officers, Integer memberCount, Contact contact, List<MediaChannel> mediaChannels,
                   Set<FocusArea> focusAreas, String kimIdNumber, KimStatus status, Set<KimStatus> allowedTransitions,
                   CandidateCriteria candidateCriteria, List<StatusChange> history, Instant registeredAt,
                   Instant updatedAt, long version) {

    /** The names of the village and the regions above it, and the local time zone. */
    record Place(String village, String district, String regency, String province, String timeZone) {
    }

    static KimResponse of(Kim kim, RegionDataset regions) {
        KimProfile p = kim.profile();
        List<Region> path = regions.path(p.village().value());
        Place place = path.size() == 4
                ? new Place(path.get(3).name(), path.get(2).name(), path.get(1).name(), path.get(0).name(),
                path.get(0).timeZone().name())
                : null;
        return new KimResponse(kim.id().value(), p.name(), p.village().value(), place, p.address(), p.foundedOn(),
                p.decree(), p.officers(), p.memberCount(), p.contact(), p.media(), p.focusAreas(), p.kimIdNumber(),
                kim.status(), kim.status().next(), kim.criteria(), kim.history(), kim.registeredAt(), kim.updatedAt(),
                kim.version());
    }
}
