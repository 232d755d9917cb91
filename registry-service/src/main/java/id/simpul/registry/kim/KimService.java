package id.simpul.registry.kim;

import id.simpul.eventing.AggregateStore;
import id.simpul.platform.Actor;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.Sorting;
import id.simpul.platform.access.Access;
import id.simpul.platform.access.Subject;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import id.simpul.regions.RegionCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The application service for KIMs: every read and change goes through here and is checked against the caller's
 * rights (docs/access.md: region scope, own KIM, four eyes), the region dataset, the duplicate rules and the
 * regional rules; a change is stored with its one event and, in the KIM's history, who made it.
 */
@Service
public class KimService {

    private final AggregateStore<Kim> kims;
    private final KimQueries queries;
    private final KimListIndex lists;
    private final RegionDataset regions;
    private final RegionalRules rules;
    private final Clock clock;
    private final Access access;

    KimService(AggregateStore<Kim> kims, KimQueries queries, KimListIndex lists, RegionDataset regions,
               RegionalRules rules, Clock clock, Access access) {
        this.access = access;
        this.kims = kims;
        this.queries = queries;
        this.lists = lists;
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
        access.require(KimRights.REGISTER, Subject.in(profile.village()));
        requireVillage(profile.village());
        Kim.Registration registration = Kim.register(id, profile, status, criteria, rules.forVillage(profile.village()), now(), changer());
        refuseDuplicate(registration.kim());
        lists.storing(1);
        try {
            kims.insert(registration.kim(), List.of(registration.event()));
            lists.apply(registration.kim());
        } catch (DuplicateKeyException raced) {
            // Someone registered the same KIM a moment ago: name who.
            throw queries.duplicateOf(registration.kim()).orElseThrow(() -> raced);
        } finally {
            lists.storing(-1);
        }
        return registration.kim();
    }

    /** A KIM to register in a batch. */
    public record NewKim(KimProfile profile, KimStatus status, CandidateCriteria criteria) {
    }

    /** What became of one KIM of a batch: exactly one of the four is set. */
    public record Registered(Kim created, KimExceptions.Duplicate duplicate, KimRuleException invalid, String outsideScope) {
        Registered(Kim created, KimExceptions.Duplicate duplicate, KimRuleException invalid) {
            this(created, duplicate, invalid, null);
        }
    }

    /**
     * Registers many KIMs as {@link #register} would, one by one in effect, but checking duplicates and storing in
     * a few round trips: for imports. A KIM that repeats an earlier one of the same batch is its duplicate; one whose
     * village lies outside the caller's region scope is not stored ({@code outsideScope} says why).
     */
    public List<Registered> registerAll(List<NewKim> batch) {
        Access.Holding holding = access.require(KimRights.REGISTER);
        Registered[] results = new Registered[batch.size()];
        List<Kim.Registration> registrations = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Instant now = now();
        Changer by = changer();
        for (int i = 0; i < batch.size(); i++) {
            NewKim kim = batch.get(i);
            if (!holding.allows(Subject.in(kim.profile().village()))) {
                results[i] = new Registered(null, null, null, kim.profile().village().value() + " lies outside your region scope "
                        + Actor.current().map(Actor::regionScope).orElse("") + ": not stored (" + KimRights.REGISTER + ")");
                continue;
            }
            try {
                requireVillage(kim.profile().village());
                registrations.add(Kim.register(KimId.newId(), kim.profile(), kim.status(), kim.criteria(),
                        rules.forVillage(kim.profile().village()), now, by));
                positions.add(i);
            } catch (KimRuleException invalid) {
                results[i] = new Registered(null, null, invalid);
            }
        }
        KimMapping mapping = new KimMapping();
        List<String> nameKeys = new ArrayList<>();
        List<String> kimIdKeys = new ArrayList<>();
        for (Kim.Registration r : registrations) {
            org.bson.Document keys = mapping.toDocument(r.kim());
            nameKeys.add(keys.getString(KimMapping.NAME_KEY));
            if (r.kim().profile().kimIdNumber() != null) {
                kimIdKeys.add(keys.getString(KimMapping.KIM_ID_KEY));
            }
        }
        Map<String, Kim> taken = new HashMap<>(queries.byKeys(nameKeys, kimIdKeys));
        List<Kim.Registration> toStore = new ArrayList<>();
        List<Integer> storedAt = new ArrayList<>();
        for (int j = 0; j < registrations.size(); j++) {
            Kim kim = registrations.get(j).kim();
            org.bson.Document keys = mapping.toDocument(kim);
            String kimIdKey = kim.profile().kimIdNumber() == null ? null : keys.getString(KimMapping.KIM_ID_KEY);
            Kim sameKimId = kimIdKey == null ? null : taken.get(kimIdKey);
            Kim sameName = taken.get(keys.getString(KimMapping.NAME_KEY));
            if (sameKimId != null || sameName != null) {
                results[positions.get(j)] = new Registered(null, sameKimId != null
                        ? new KimExceptions.Duplicate("kimIdNumber", sameKimId) : new KimExceptions.Duplicate("name", sameName), null);
                continue;
            }
            taken.put(keys.getString(KimMapping.NAME_KEY), kim);
            if (kimIdKey != null) {
                taken.put(kimIdKey, kim);
            }
            toStore.add(registrations.get(j));
            storedAt.add(positions.get(j));
        }
        lists.storing(toStore.size());
        try {
            Set<Integer> refused = kims.insertAll(toStore.stream().map(Kim.Registration::kim).toList(),
                    toStore.stream().map(r -> List.of(r.event())).toList());
            for (int k = 0; k < toStore.size(); k++) {
                if (!refused.contains(k)) {
                    lists.apply(toStore.get(k).kim());
                }
            }
            for (int k = 0; k < toStore.size(); k++) {
                Kim kim = toStore.get(k).kim();
                results[storedAt.get(k)] = refused.contains(k)
                        // Registered by someone else a moment ago: name who.
                        ? new Registered(null, queries.duplicateOf(kim).orElseThrow(), null)
                        : new Registered(kim, null, null);
            }
        } finally {
            lists.storing(-toStore.size());
        }
        return List.of(results);
    }

    /** Replaces the profile of the KIM at {@code expectedVersion} (the client's If-Match). */
    public Kim update(KimId id, long expectedVersion, KimProfile profile, CandidateCriteria criteria) {
        Kim kim = current(id, expectedVersion);
        // Inside the scope before and after: an officer cannot move a KIM out of (or into) their region.
        access.require(KimRights.UPDATE, Subject.in(kim.profile().village()).kim(kim.id().value()));
        access.require(KimRights.UPDATE, Subject.in(profile.village()).kim(kim.id().value()));
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
        Subject subject = Subject.in(kim.profile().village()).kim(kim.id().value());
        access.require(KimRights.CHANGE_STATUS, subject);
        if (status == KimStatus.VERIFIED) {
            // Four eyes: whoever submitted the KIM does not verify it; a province or the ministry does.
            access.require(KimRights.VERIFY, subject.submittedBy(kim.submittedBy().orElse(null)));
        }
        long before = kim.version();
        KimStatusChanged changed = kim.changeStatus(status, reason, rules.forVillage(kim.profile().village()), now(), changer());
        store(kim, before, changed);
        return kim;
    }

    /** The KIM, if it exists and the caller may read it (refused otherwise). */
    public Optional<Kim> find(KimId id) {
        access.require(KimRights.READ);
        Optional<Kim> kim = kims.findById(id.value());
        kim.ifPresent(k -> access.require(KimRights.READ, Subject.in(k.profile().village()).kim(k.id().value())));
        return kim;
    }

    /** The KIMs the filter names among those the caller may read: inside their scope, or their own KIM. */
    public PageResponse<Kim> search(KimFilter filter, PageQuery page, Sorting sort) {
        return search(filter, page, sort, null);
    }

    /** The same, the page after the one {@code after} ended (null: the page {@code page}); in the cursor's order. */
    PageResponse<Kim> search(KimFilter filter, PageQuery page, Sorting sort, KimCursor after) {
        Access.Holding holding = access.visible(KimRights.READ);
        KimFilter.Visible visible = holding.everything() ? null
                : new KimFilter.Visible(holding.scope().orElse(null), holding.ownKim().orElse(null));
        return queries.search(filter.seenAs(visible), page, after == null ? sort : after.sort(), after);
    }

    private Kim current(KimId id, Long expectedVersion) {
        Kim kim = kims.findById(id.value()).orElseThrow(() -> new KimExceptions.NotFound(id.value()));
        if (expectedVersion != null && kim.version() != expectedVersion) {
            throw new KimExceptions.Stale(expectedVersion, kim.version());
        }
        return kim;
    }

    private void store(Kim kim, long expectedVersion, Object event) {
        try {
            kims.update(kim, expectedVersion, List.of(event));
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new KimExceptions.Stale(expectedVersion, kims.findById(kim.id().value()).map(Kim::version).orElse(expectedVersion));
        } catch (DuplicateKeyException raced) {
            throw queries.duplicateOf(kim).orElseThrow(() -> raced);
        }
        lists.apply(kim);
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

    private static Changer changer() {
        return Actor.current().map(actor -> new Changer(actor.id(), actor.roles(), actor.regionScope())).orElse(null);
    }

    /** Now, to the millisecond: what MongoDB stores, so a KIM reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
