package id.simpul.registry.kim;

import id.simpul.eventing.AggregateStore;
import id.simpul.registry.region.RegionCode;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The application service for KIMs: every change goes through here (where access checks will sit) and is stored
 * together with its event.
 */
@Service
public class KimService {

    private final AggregateStore<Kim> kims;
    private final Clock clock;

    KimService(AggregateStore<Kim> kims, Clock clock) {
        this.kims = kims;
        this.clock = clock;
    }

    public Kim register(String name, RegionCode village) {
        return register(KimId.newId(), name, village);
    }

    /** Registers a KIM under a given id; used by the seed loader, whose ids are fixed so that loading is idempotent. */
    public Kim register(KimId id, String name, RegionCode village) {
        Kim.Registration registration = Kim.register(id, name, village, now());
        kims.insert(registration.kim(), List.of(registration.event()));
        return registration.kim();
    }

    /** Now, to the millisecond: what MongoDB stores, so a KIM reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Optional<Kim> find(KimId id) {
        return kims.findById(id.value());
    }
}
