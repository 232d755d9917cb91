package id.simpul.registry.kim;

import id.simpul.eventing.AggregateStore;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import id.simpul.registry.region.RegionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The application service for KIMs: every change goes through here (where access checks will sit), is checked
 * against the region dataset, the duplicate rules and the regional rules, and is stored with its one event.
 */
@Service
public class KimService {

    private final AggregateStore<Kim> kims;
    private final KimQueries queries;
    private final RegionDataset regions;
    private final RegionalRules rules;
    private final Clock clock;

    KimService(AggregateStore<Kim> kims, KimQueries queries, RegionDataset regions, RegionalRules rules, Clock clock) {
        this.kims = kims;
        this.queries = queries;
        this.regions = regions;
        this.rules = rules;
        this.clock = clock;
    }

    /** Registers a KIM (SUBMITTED) or a candidate community (CANDIDATE) under a new id. */
    public Kim register(KimProfile profile, KimStatus status, CandidateCriteria criteria) {
        return register(KimId.newId(), profile, status, criteria);
    }

    /** Registers under a given id; seeds and imports derive ids so that loading them again adds nothing. */
    public Kim register(KimId id, KimProfile profile, KimStatus status, CandidateCriteria criteria) {
        requireVillage(profile.village());
        Kim.Registration registration = Kim.register(id, profile, status, criteria, rules.forVillage(profile.village()), now());
        refuseDuplicate(registration.kim());
        try {
            kims.insert(registration.kim(), List.of(registration.event()));
        } catch (DuplicateKeyException raced) {
            // Someone registered the same KIM a moment ago: name who.
            throw queries.duplicateOf(registration.kim()).orElseThrow(() -> raced);
        }
        return registration.kim();
    }

    /** Replaces the profile of the KIM at {@code expectedVersion} (the client's If-Match). */
    public Kim update(KimId id, long expectedVersion, KimProfile profile, CandidateCriteria criteria) {
        Kim kim = current(id, expectedVersion);
        requireVillage(profile.village());
        Optional<KimUpdated> updated = kim.update(profile, criteria, rules.forVillage(profile.village()), now());
        if (updated.isEmpty()) {
            return kim;
        }
        refuseDuplicate(kim);
        store(kim, expectedVersion, updated.get());
        return kim;
    }

    /** Moves the KIM in its lifecycle; {@code expectedVersion} is checked when the client sent one. */
    public Kim changeStatus(KimId id, Long expectedVersion, KimStatus status, String reason) {
        Kim kim = current(id, expectedVersion);
        long before = kim.version();
        KimStatusChanged changed = kim.changeStatus(status, reason, rules.forVillage(kim.profile().village()), now());
        store(kim, before, changed);
        return kim;
    }

    public Optional<Kim> find(KimId id) {
        return kims.findById(id.value());
    }

    public PageResponse<Kim> search(KimFilter filter, PageQuery page, KimSort sort) {
        return queries.search(filter, page, sort);
    }

    private Kim current(KimId id, Long expectedVersion) {
        Kim kim = find(id).orElseThrow(() -> new KimExceptions.NotFound(id.value()));
        if (expectedVersion != null && kim.version() != expectedVersion) {
            throw new KimExceptions.Stale(expectedVersion, kim.version());
        }
        return kim;
    }

    private void store(Kim kim, long expectedVersion, Object event) {
        try {
            kims.update(kim, expectedVersion, List.of(event));
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new KimExceptions.Stale(expectedVersion, find(kim.id()).map(Kim::version).orElse(expectedVersion));
        } catch (DuplicateKeyException raced) {
            throw queries.duplicateOf(kim).orElseThrow(() -> raced);
        }
    }

    private void refuseDuplicate(Kim kim) {
        queries.duplicateOf(kim).ifPresent(duplicate -> {
            throw duplicate;
        });
    }

    private void requireVillage(RegionCode village) {
        boolean known = regions.find(village.value()).filter(r -> r.level() == RegionLevel.VILLAGE).isPresent();
        if (!known) {
            throw new KimRuleException(List.of(new RuleViolation("villageCode", village.value()
                    + " is not a village or kelurahan in " + RegionDataset.DECREE)));
        }
    }

    /** Now, to the millisecond: what MongoDB stores, so a KIM reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
