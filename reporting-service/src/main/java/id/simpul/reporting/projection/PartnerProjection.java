package id.simpul.reporting.projection;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** One row per partner organisation ({@link Rows.Partner}): its registration, and its details as last corrected. */
@Component
class PartnerProjection {

    private static final String DETAILS = "partner";

    private final Places places;

    PartnerProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.PartnerRegistered event) {
        places.requireOptional(event.regionCode(), "Partner " + event.partnerId());
    }

    void check(Payloads.PartnerUpdated event) {
        places.requireOptional(event.regionCode(), "Partner " + event.partnerId());
    }

    Rows.Partner registered(Rows.Partner partner, Payloads.PartnerRegistered event) {
        return details(partner.withRegisteredAt(Stamps.earliest(partner.registeredAt(), event.registeredAt())),
                event.version(), event.name(), event.type(), event.regionCode());
    }

    Rows.Partner updated(Rows.Partner partner, Payloads.PartnerUpdated event) {
        return details(partner, event.version(), event.name(), event.type(), event.regionCode());
    }

    private static Rows.Partner details(Rows.Partner partner, long version, String name, String type, String regionCode) {
        Map<String, Long> stamps = new HashMap<>(partner.stamps());
        Rows.Partner next = Stamps.claim(stamps, DETAILS, version) ? partner.withDetails(name, type, regionCode) : partner;
        return next.withVersions(Stamps.seen(partner.version(), version), stamps);
    }
}
