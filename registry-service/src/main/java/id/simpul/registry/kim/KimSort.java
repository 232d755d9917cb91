package id.simpul.registry.kim;

import id.simpul.platform.Sorting;

/** How a list of KIMs may be ordered: {@code ?sort=name,asc} (the default), registeredAt, updatedAt or memberCount. */
final class KimSort {

    static final Sorting.Fields FIELDS = Sorting.Fields.of(true, "name", KimMapping.NAME_SORT,
            "registeredAt", KimMapping.REGISTERED_AT, "updatedAt", KimMapping.UPDATED_AT,
            "memberCount", KimMapping.MEMBER_COUNT);

    private KimSort() {
    }
}
