package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * What a region requires of its KIMs, as it applies to one village: the national default overridden by the
 * province's rule and then the regency's.
 *
 * @param minMembers     at least this many members, or null for no minimum
 * @param decreeRequired whether the founding decree (SK number and date) must be recorded
 * @param source         who set each requirement, for messages ("Kabupaten Banjar (63.03)")
 */
@ValueObject
public record RegionalRule(Integer minMembers, boolean decreeRequired, Source source) {

    /** Who set the minimum and the decree requirement. */
    public record Source(String minMembers, String decreeRequired) {
    }

    public static RegionalRule none() {
        return new RegionalRule(null, false, new Source("national rule", "national rule"));
    }
}
