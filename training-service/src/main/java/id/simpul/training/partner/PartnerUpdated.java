package id.simpul.training.partner;

import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.util.List;

/** {@code id.simpul.partner.updated.v1}; the contact people themselves stay in training-service. */
@DomainEvent
public record PartnerUpdated(PartnerId partnerId, long version, String name, PartnerType type, String regionCode,
                             List<String> changed, Instant updatedAt) {
}
