package id.simpul.registry.region;

/** The levels of the Kemendagri hierarchy, from the top. */
public enum RegionLevel {
    PROVINCE, REGENCY, DISTRICT, VILLAGE
}
