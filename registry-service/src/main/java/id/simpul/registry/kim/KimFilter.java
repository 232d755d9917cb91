package id.simpul.registry.kim;

import id.simpul.regions.RegionCode;

import java.util.Set;

/**
 * Which KIMs a list shows: within a region (any level), in some statuses, working on a focus area, with or without
 * media, whose name contains some text. Null means no condition.
 */
public record KimFilter(RegionCode region, Set<KimStatus> statuses, FocusArea focusArea, Boolean hasMedia,
                        String nameContains) {
}
