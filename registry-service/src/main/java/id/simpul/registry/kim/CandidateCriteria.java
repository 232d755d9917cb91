package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * Why a community is mapped as a candidate KIM: the programme grows KIMs from communities that are already
 * productive, have potential, are active and have their own media, rather than from zero.
 */
@ValueObject
public record CandidateCriteria(boolean productive, boolean hasPotential, boolean active, boolean hasOwnMedia) {

    public static CandidateCriteria none() {
        return new CandidateCriteria(false, false, false, false);
    }

    /** How many of the four criteria the community meets. */
    public int met() {
        return (productive ? 1 : 0) + (hasPotential ? 1 : 0) + (active ? 1 : 0) + (hasOwnMedia ? 1 : 0);
    }
}
