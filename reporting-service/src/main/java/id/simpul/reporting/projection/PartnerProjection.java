package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

/** One document per partner organisation: its registration, and its name, type and region as last corrected. */
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

    boolean registered(Document partner, Payloads.PartnerRegistered event) {
        boolean changed = Stamps.earliest(partner, "registeredAt", event.registeredAt());
        return details(partner, event.version(), event.name(), event.type(), event.regionCode()) | changed;
    }

    boolean updated(Document partner, Payloads.PartnerUpdated event) {
        return details(partner, event.version(), event.name(), event.type(), event.regionCode());
    }

    private static boolean details(Document partner, long version, String name, String type, String regionCode) {
        boolean changed = Stamps.seen(partner, version);
        return Stamps.set(partner, DETAILS, version, new Document("name", name).append("type", type)
                .append("regionCode", regionCode)) | changed;
    }
}
