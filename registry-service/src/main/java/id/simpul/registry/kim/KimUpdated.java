package id.simpul.registry.kim;

import id.simpul.regions.RegionCode;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A KIM's profile changed; the event carries the public profile as it is now. {@code id.simpul.kim.updated.v1}. */
@DomainEvent
public record KimUpdated(KimId kimId, long version, String name, RegionCode villageCode, KimStatus status,
                         Set<FocusArea> focusAreas, List<MediaChannel> mediaChannels, Integer memberCount,
                         LocalDate foundedOn, String kimIdNumber, Instant updatedAt) {
}
