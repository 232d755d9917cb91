package id.simpul.reporting.projection;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * One row per KIM ({@link Rows.Kim}): where it is, its profile (focus areas, media) and its status, each part
 * stamped with the version that last changed it, and the time of its latest activity in the registry.
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

    Rows.Kim registered(Rows.Kim kim, Payloads.KimSnapshot event) {
        Rows.Kim next = snapshot(kim, event);
        return next.withTimes(Stamps.earliest(next.registeredAt(), event.registeredAt()), next.lastActivityAt());
    }

    Rows.Kim updated(Rows.Kim kim, Payloads.KimSnapshot event) {
        return snapshot(kim, event);
    }

    Rows.Kim statusChanged(Rows.Kim kim, Payloads.KimStatusChanged event) {
        Map<String, Long> stamps = new HashMap<>(kim.stamps());
        Rows.Kim next = identity(kim, stamps, event.version(), event.name(), event.villageCode());
        if (Stamps.claim(stamps, STATUS, event.version())) {
            next = next.withStatus(event.status(), event.changedAt());
        }
        return next.withTimes(next.registeredAt(), Stamps.latest(next.lastActivityAt(), event.changedAt()))
                .withVersions(Stamps.seen(next.version(), event.version()), stamps);
    }

    private Rows.Kim snapshot(Rows.Kim kim, Payloads.KimSnapshot event) {
        Map<String, Long> stamps = new HashMap<>(kim.stamps());
        Rows.Kim next = identity(kim, stamps, event.version(), event.name(), event.villageCode());
        if (Stamps.claim(stamps, PROFILE, event.version())) {
            next = next.withProfile(event.focusAreas(),
                    event.mediaChannels().stream().map(Payloads.Media::type).distinct().toList(),
                    !event.mediaChannels().isEmpty(), event.memberCount());
        }
        if (Stamps.claim(stamps, STATUS, event.version())) {
            next = next.withStatus(event.status(), next.statusChangedAt());
        }
        return next.withTimes(next.registeredAt(), Stamps.latest(next.lastActivityAt(), event.at()))
                .withVersions(Stamps.seen(next.version(), event.version()), stamps);
    }

    private Rows.Kim identity(Rows.Kim kim, Map<String, Long> stamps, long version, String name, String villageCode) {
        if (!Stamps.claim(stamps, IDENTITY, version)) {
            return kim;
        }
        return kim.withIdentity(name, places.place(villageCode, "KIM " + kim.id()));
    }
}
