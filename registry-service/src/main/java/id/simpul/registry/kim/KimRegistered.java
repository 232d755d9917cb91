package id.simpul.registry.kim;

import id.simpul.regions.RegionCode;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A KIM (or a candidate community) was registered. On the wire: {@code id.simpul.kim.registered.v1}. Carries the
 * public part of the profile; officers and contact details stay in registry-service.
 */
@DomainEvent
public record KimRegistered(KimId kimId, long version, String name, RegionCode villageCode, KimStatus status,
                            Set<FocusArea> focusAreas, List<MediaChannel> mediaChannels, Integer memberCount,
                            LocalDate foundedOn, String kimIdNumber, Instant registeredAt) {
}
