package id.simpul.registry.kim;

/** Where a KIM stands in its lifecycle, from a mapped candidate community to an active or dissolved group. */
public enum KimStatus {
    CANDIDATE, SUBMITTED, VERIFIED, ACTIVE, DORMANT, REJECTED, DISSOLVED
}
