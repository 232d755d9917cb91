package id.simpul.registry.kim;

import id.simpul.regions.RegionCode;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;

/** A KIM moved in its lifecycle. {@code id.simpul.kim.status-changed.v1}. */
@DomainEvent
public record KimStatusChanged(KimId kimId, long version, String name, RegionCode villageCode,
                               KimStatus previousStatus, KimStatus status, String reason, Instant changedAt) {
}
