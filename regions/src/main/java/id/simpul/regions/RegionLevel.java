package id.simpul.regions;

/** The levels of the Kemendagri hierarchy, from the top; a code has one part per level (PP.RR.DD.VVVV). */
public enum RegionLevel {
    PROVINCE, REGENCY, DISTRICT, VILLAGE;

    /** The level of a well-formed code, by its number of parts. */
    public static RegionLevel ofCode(String code) {
        int separators = 0;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '.') {
                separators++;
            }
        }
        return values()[separators];
    }

    /** The level just below, or null for villages. */
    public RegionLevel below() {
        return this == VILLAGE ? null : values()[ordinal() + 1];
    }
}
