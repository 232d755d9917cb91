package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kelompok Informasi Masyarakat: a community information group at village/kelurahan level, or a community mapped
 * as a candidate for one. Commands check the lifecycle and the region's rules and return the event they cause;
 * the version counts the changes, one per event.
 */
@AggregateRoot
public final class Kim {

    @Identity
    private final KimId id;
    private KimProfile profile;
    private KimStatus status;
    private CandidateCriteria criteria;
    private final List<StatusChange> history;
    private final Instant registeredAt;
    private Instant updatedAt;
    private long version;

    private Kim(KimId id, KimProfile profile, KimStatus status, CandidateCriteria criteria, List<StatusChange> history,
                Instant registeredAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.profile = Objects.requireNonNull(profile);
        this.status = Objects.requireNonNull(status);
        this.criteria = criteria == null ? CandidateCriteria.none() : criteria;
        this.history = new ArrayList<>(history);
        this.registeredAt = Objects.requireNonNull(registeredAt);
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** The KIM and its registration event. */
    public record Registration(Kim kim, KimRegistered event) {
    }

    /**
     * An office registers a KIM it has mapped ({@code SUBMITTED}, for verification) or records a community as a
     * {@code CANDIDATE}. A KIM must meet the rules of its region; a candidate need not yet.
     */
    public static Registration register(KimId id, KimProfile profile, KimStatus status, CandidateCriteria criteria,
                                        RegionalRule rule, Instant now, Changer by) {
        if (status != KimStatus.CANDIDATE && status != KimStatus.SUBMITTED) {
            throw new KimRuleException(List.of(new RuleViolation("status",
                    "a new KIM starts as CANDIDATE or SUBMITTED, not " + status)));
        }
        if (!status.isCandidate()) {
            requireRules(profile, rule);
        }
        Kim kim = new Kim(id, profile, status, criteria, List.of(new StatusChange(null, status, null, now, by)), now, now, 1);
        return new Registration(kim, new KimRegistered(id, 1, profile.name(), profile.village(), status,
                profile.focusAreas(), profile.media(), profile.memberCount(), profile.foundedOn(), profile.kimIdNumber(), now));
    }

    /** Records a new profile; nothing happens (no event) when it equals the current one. */
    public Optional<KimUpdated> update(KimProfile newProfile, CandidateCriteria newCriteria, RegionalRule rule, Instant now) {
        CandidateCriteria criteriaAfter = newCriteria == null ? criteria : newCriteria;
        if (newProfile.equals(profile) && criteriaAfter.equals(criteria)) {
            return Optional.empty();
        }
        if (!status.isCandidate()) {
            requireRules(newProfile, rule);
        }
        profile = newProfile;
        criteria = criteriaAfter;
        updatedAt = now;
        version++;
        return Optional.of(new KimUpdated(id, version, profile.name(), profile.village(), status, profile.focusAreas(),
                profile.media(), profile.memberCount(), profile.foundedOn(), profile.kimIdNumber(), now));
    }

    /**
     * Moves the KIM in its lifecycle. Refused when the lifecycle does not allow it, when a rejection, dormancy or
     * dissolution comes without a reason, or when a candidate is submitted without meeting its region's rules.
     */
    public KimStatusChanged changeStatus(KimStatus newStatus, String reason, RegionalRule rule, Instant now, Changer by) {
        if (!status.canBecome(newStatus)) {
            throw new IllegalTransitionException(status, newStatus);
        }
        String why = KimProfile.tidy(reason);
        if (newStatus.needsReason() && why == null) {
            throw new KimRuleException(List.of(new RuleViolation("reason",
                    "is required to make a KIM " + newStatus)));
        }
        if (status.isCandidate() && !newStatus.isCandidate() && newStatus != KimStatus.DISSOLVED) {
            requireRules(profile, rule);
        }
        KimStatus previous = status;
        status = newStatus;
        history.add(new StatusChange(previous, newStatus, why, now, by));
        updatedAt = now;
        version++;
        return new KimStatusChanged(id, version, profile.name(), profile.village(), previous, newStatus, why, now);
    }

    /** What in {@code profile} breaks {@code rule}; empty when it complies. */
    public static List<RuleViolation> violations(KimProfile profile, RegionalRule rule) {
        List<RuleViolation> violations = new ArrayList<>();
        if (rule.minMembers() != null) {
            if (profile.memberCount() == null) {
                violations.add(new RuleViolation("memberCount", "is required: " + rule.source().minMembers()
                        + " requires at least " + rule.minMembers() + " members"));
            } else if (profile.memberCount() < rule.minMembers()) {
                violations.add(new RuleViolation("memberCount", "must be at least " + rule.minMembers() + ": "
                        + rule.source().minMembers() + " requires at least " + rule.minMembers() + " members"));
            }
        }
        if (rule.decreeRequired()) {
            Decree decree = profile.decree();
            if (decree == null || decree.number() == null || decree.number().isBlank()) {
                violations.add(new RuleViolation("decree.number",
                        "is required: " + rule.source().decreeRequired() + " requires the founding decree (SK)"));
            }
            if (decree == null || decree.date() == null) {
                violations.add(new RuleViolation("decree.date",
                        "is required: " + rule.source().decreeRequired() + " requires the founding decree (SK)"));
            }
        }
        return violations;
    }

    private static void requireRules(KimProfile profile, RegionalRule rule) {
        List<RuleViolation> violations = violations(profile, rule);
        if (!violations.isEmpty()) {
            throw new KimRuleException(violations);
        }
    }

    /** A KIM as it was stored. */
    public static Kim restore(KimId id, KimProfile profile, KimStatus status, CandidateCriteria criteria,
                              List<StatusChange> history, Instant registeredAt, Instant updatedAt, long version) {
        return new Kim(id, profile, status, criteria, history, registeredAt, updatedAt, version);
    }

    public KimId id() {
        return id;
    }

    public KimProfile profile() {
        return profile;
    }

    public KimStatus status() {
        return status;
    }

    public CandidateCriteria criteria() {
        return criteria;
    }

    /** Who put the KIM up for verification last (registered or moved to SUBMITTED), if known: for four eyes. */
    public Optional<String> submittedBy() {
        for (int i = history.size() - 1; i >= 0; i--) {
            StatusChange step = history.get(i);
            if (step.to() == KimStatus.SUBMITTED) {
                return Optional.ofNullable(step.by()).map(Changer::id);
            }
        }
        return Optional.empty();
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
