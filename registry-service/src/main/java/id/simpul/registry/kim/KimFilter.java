package id.simpul.registry.kim;

import id.simpul.regions.RegionCode;

import java.util.Set;

/**
 * Which KIMs a list shows: within a region (any level), in some statuses, working on a focus area, with or without
 * media, whose name contains some text, among those the caller may see ({@code visible}). Null means no condition.
 */
public record KimFilter(RegionCode region, Set<KimStatus> statuses, FocusArea focusArea, Boolean hasMedia,
                        String nameContains, Visible visible) {

    public KimFilter(RegionCode region, Set<KimStatus> statuses, FocusArea focusArea, Boolean hasMedia, String nameContains) {
        this(region, statuses, focusArea, hasMedia, nameContains, null);
    }

    /** The KIMs inside {@code scope} and the KIM {@code kimId}; with neither, none. */
    public record Visible(RegionCode scope, String kimId) {
    }

    KimFilter seenAs(Visible seen) {
        return new KimFilter(region, statuses, focusArea, hasMedia, nameContains, seen);
    }
}
