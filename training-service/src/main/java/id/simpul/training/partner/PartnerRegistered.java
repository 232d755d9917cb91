package id.simpul.training.partner;

import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;

/** {@code id.simpul.partner.registered.v1}; contact people stay in training-service. */
@DomainEvent
public record PartnerRegistered(PartnerId partnerId, long version, String name, PartnerType type, String regionCode,
                                Instant registeredAt) {
}
