package id.simpul.registry.kim;

import id.simpul.registry.region.RegionCode;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;

/** A KIM was registered. On the wire: {@code id.simpul.kim.registered.v1} (see contracts/). */
@DomainEvent
public record KimRegistered(KimId kimId, long version, String name, RegionCode villageCode, KimStatus status,
                            Instant registeredAt) {
}
