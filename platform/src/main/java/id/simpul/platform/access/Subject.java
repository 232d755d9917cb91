package id.simpul.platform.access;

import id.simpul.regions.RegionCode;

import java.util.Optional;

/**
 * What a right is checked on: the resource's region (empty: national, such as the ministry's programmes), the KIM
 * and partner it belongs to, who submitted it (for four eyes) and who owns it (the user who started an import).
 * Parts that do not apply are null. An {@code own} grant holds for the caller's KIM, partner, or what they own.
 */
public record Subject(RegionCode region, String kimId, String partnerId, String submittedBy, String ownedBy) {

    /** A resource of a region (or of the whole country when {@code region} is null). */
    public static Subject in(RegionCode region) {
        return new Subject(region, null, null, null, null);
    }

    /** Something of one user, such as the import they started. */
    public static Subject ownedBy(String actorId) {
        return new Subject(null, null, null, null, actorId);
    }

    /** {@link #in} from a code as stored; a code that is not one is outside every regional scope. */
    public static Subject in(String regionCode) {
        return in(regionCode == null || regionCode.isBlank() ? null : RegionCode.parse(regionCode).orElse(null));
    }

    public Subject kim(String id) {
        return new Subject(region, id, partnerId, submittedBy, ownedBy);
    }

    public Subject partner(String id) {
        return new Subject(region, kimId, id, submittedBy, ownedBy);
    }

    public Subject submittedBy(String actorId) {
        return new Subject(region, kimId, partnerId, actorId, ownedBy);
    }

    public Optional<RegionCode> regionCode() {
        return Optional.ofNullable(region);
    }

    /** A region scope as a token carries it: empty for the whole country. */
    static boolean within(RegionCode region, String scope) {
        if (scope == null || scope.isBlank()) {
            return true;
        }
        Optional<RegionCode> scopeCode = RegionCode.parse(scope.strip());
        return region != null && scopeCode.isPresent() && region.isWithin(scopeCode.get());
    }
}
