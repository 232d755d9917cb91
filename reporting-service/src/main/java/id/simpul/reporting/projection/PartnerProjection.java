package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

/** One document per partner organisation: its name, type and region. */
@Component
class PartnerProjection {

    private final Places places;

    PartnerProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.PartnerRegistered event) {
        places.requireOptional(event.regionCode(), "Partner " + event.partnerId());
    }

    boolean registered(Document partner, Payloads.PartnerRegistered event) {
        if (!Stamps.claim(partner, "partner", event.version())) {
            return false;
        }
        partner.put("name", event.name());
        partner.put("type", event.type());
        partner.put("regionCode", event.regionCode());
        partner.put("registeredAt", Stamps.date(event.registeredAt()));
        Stamps.seen(partner, event.version());
        return true;
    }
}
