package id.simpul.registry.kim;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a KIM stands: a mapped {@code CANDIDATE} community is {@code SUBMITTED} for verification, then
 * {@code VERIFIED}, {@code ACTIVE} or {@code DORMANT}; a rejected submission can be submitted again; any KIM but a
 * dissolved one can be {@code DISSOLVED}.
 */
public enum KimStatus {
    CANDIDATE, SUBMITTED, VERIFIED, ACTIVE, DORMANT, REJECTED, DISSOLVED;

    private static final Map<KimStatus, Set<KimStatus>> NEXT = Map.of(
            CANDIDATE, EnumSet.of(SUBMITTED, DISSOLVED),
            SUBMITTED, EnumSet.of(VERIFIED, REJECTED, DISSOLVED),
            VERIFIED, EnumSet.of(ACTIVE, DISSOLVED),
            ACTIVE, EnumSet.of(DORMANT, DISSOLVED),
            DORMANT, EnumSet.of(ACTIVE, DISSOLVED),
            REJECTED, EnumSet.of(SUBMITTED, DISSOLVED),
            DISSOLVED, EnumSet.noneOf(KimStatus.class));

    /** The statuses this one may change to, in lifecycle order. */
    public Set<KimStatus> next() {
        return NEXT.get(this);
    }

    public boolean canBecome(KimStatus status) {
        return next().contains(status);
    }

    /** A status change needs a reason when it turns a KIM down, puts it to sleep or ends it. */
    public boolean needsReason() {
        return this == REJECTED || this == DORMANT || this == DISSOLVED;
    }

    /** Candidates are mapped communities, not yet KIMs: regional rules for KIMs do not bind them. */
    public boolean isCandidate() {
        return this == CANDIDATE;
    }
}
