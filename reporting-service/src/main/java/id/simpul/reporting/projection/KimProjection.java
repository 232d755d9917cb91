package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One document per KIM: where it is (its village and the district, regency and province codes above it), its
 * profile (focus areas, media) and its status, each part stamped with the version that last changed it, and the time
 * of its latest activity in the registry.
 */
@Component
class KimProjection {

    private static final String IDENTITY = "identity";
    private static final String PROFILE = "profile";
    private static final String STATUS = "status";

    private final Places places;

    KimProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.KimSnapshot kim) {
        places.requireVillage(kim.villageCode(), "KIM " + kim.kimId());
    }

    void check(Payloads.KimStatusChanged change) {
        places.requireVillage(change.villageCode(), "KIM " + change.kimId());
    }

    boolean registered(Document kim, Payloads.KimSnapshot event) {
        boolean changed = Stamps.earliest(kim, "registeredAt", event.registeredAt());
        return snapshot(kim, event) | changed;
    }

    boolean updated(Document kim, Payloads.KimSnapshot event) {
        return snapshot(kim, event);
    }

    boolean statusChanged(Document kim, Payloads.KimStatusChanged event) {
        boolean changed = identity(kim, event.version(), event.name(), event.villageCode());
        if (Stamps.claim(kim, STATUS, event.version())) {
            kim.put("status", event.status());
            kim.put("statusChangedAt", Stamps.date(event.changedAt()));
            changed = true;
        }
        changed |= Stamps.latest(kim, "lastActivityAt", event.changedAt());
        return Stamps.seen(kim, event.version()) | changed;
    }

    private boolean snapshot(Document kim, Payloads.KimSnapshot event) {
        boolean changed = identity(kim, event.version(), event.name(), event.villageCode());
        if (Stamps.claim(kim, PROFILE, event.version())) {
            kim.put("focusAreas", event.focusAreas());
            kim.put("mediaTypes", event.mediaChannels().stream().map(Payloads.Media::type).distinct().toList());
            kim.put("hasMedia", !event.mediaChannels().isEmpty());
            kim.put("memberCount", event.memberCount());
            changed = true;
        }
        if (Stamps.claim(kim, STATUS, event.version())) {
            kim.put("status", event.status());
            changed = true;
        }
        changed |= Stamps.latest(kim, "lastActivityAt", event.at());
        return Stamps.seen(kim, event.version()) | changed;
    }

    private boolean identity(Document kim, long version, String name, String villageCode) {
        if (!Stamps.claim(kim, IDENTITY, version)) {
            return false;
        }
        kim.put("name", name);
        places.putVillage(kim, villageCode, "KIM " + kim.get("_id"));
        return true;
    }
}
