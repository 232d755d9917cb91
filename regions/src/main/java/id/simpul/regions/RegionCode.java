package id.simpul.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Kemendagri region code: province {@code PP}, regency/city {@code PP.RR}, district {@code PP.RR.DD} or
 * village/kelurahan {@code PP.RR.DD.VVVV}. Whether the region exists is {@link RegionDataset#find}'s question; this
 * type knows the shape and what lies inside what, the same in every service.
 */
public record RegionCode(String value) {

    /** The shape of a code at any level, for {@code @Pattern} and the API documents. */
    public static final String PATTERN = "^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$";
    /** The shape of a village/kelurahan code. */
    public static final String VILLAGE_PATTERN = "^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$";
    /** What a client is told of a code that is not of that shape; fields add the examples that fit them. */
    public static final String NOT_A_CODE = "must be a Kemendagri region code";
    /** The message for a code at any level (the APIs answer 400; a well-formed unknown one is 404). */
    public static final String FORMAT = NOT_A_CODE + ": PP, PP.RR, PP.RR.DD or PP.RR.DD.VVVV, such as 63.03.05";
    private static final char SEPARATOR = '.';
    /** How long a code is at each level, from the province down. */
    private static final int[] LENGTHS = {2, 5, 8, 13};

    public RegionCode {
        if (!isCode(value)) {
            throw new IllegalArgumentException("Not a Kemendagri region code: " + value);
        }
    }

    /** Whether {@code text} has the shape of a region code ({@link #PATTERN}, checked without the regex engine). */
    public static boolean isCode(String text) {
        if (text == null) {
            return false;
        }
        int length = text.length();
        if (length != LENGTHS[0] && length != LENGTHS[1] && length != LENGTHS[2] && length != LENGTHS[3]) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean separatorHere = i == LENGTHS[0] || i == LENGTHS[1] || i == LENGTHS[2];
            if (separatorHere ? c != SEPARATOR : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The code {@code text} spells, or empty when it is not of the shape. */
    public static Optional<RegionCode> parse(String text) {
        return isCode(text) ? Optional.of(new RegionCode(text)) : Optional.empty();
    }

    public RegionLevel level() {
        return RegionLevel.ofCode(value);
    }

    public boolean isVillage() {
        return level() == RegionLevel.VILLAGE;
    }

    /** The region directly above, or empty for a province. */
    public Optional<RegionCode> parent() {
        int cut = value.lastIndexOf(SEPARATOR);
        return cut < 0 ? Optional.empty() : Optional.of(new RegionCode(value.substring(0, cut)));
    }

    /** The code of the enclosing region at {@code level}, which must be this level or above. */
    public RegionCode at(RegionLevel level) {
        if (level.ordinal() > level().ordinal()) {
            throw new IllegalArgumentException(value + " is a " + level() + ", it has no " + level);
        }
        return level == level() ? this : new RegionCode(value.substring(0, LENGTHS[level.ordinal()]));
    }

    /** The enclosing region at {@code level}, or this one where it lies above that level. */
    public RegionCode atOrAbove(RegionLevel level) {
        return level.ordinal() < level().ordinal() ? at(level) : this;
    }

    public RegionCode province() {
        return at(RegionLevel.PROVINCE);
    }

    /** The regency/city; this must be one or lie in one. */
    public RegionCode regency() {
        return at(RegionLevel.REGENCY);
    }

    /** The district; this must be one or lie in one. */
    public RegionCode district() {
        return at(RegionLevel.DISTRICT);
    }

    /** This code and those of the regions above it, from this one up to the province. */
    public List<RegionCode> selfAndAncestors() {
        List<RegionCode> codes = new ArrayList<>();
        for (Optional<RegionCode> c = Optional.of(this); c.isPresent(); c = c.get().parent()) {
            codes.add(c.get());
        }
        return codes;
    }

    /** Whether {@code other} is this region or lies inside it ({@code 63.03.05} contains {@code 63.03.05.1001}). */
    public boolean contains(RegionCode other) {
        return other.value.equals(value)
                || other.value.length() > value.length() && other.value.startsWith(value)
                && other.value.charAt(value.length()) == SEPARATOR;
    }

    /** Whether this is {@code scope} or lies inside it. */
    public boolean isWithin(RegionCode scope) {
        return scope.contains(this);
    }

    /** Whether this lies inside {@code scope} and is not {@code scope} itself. */
    public boolean isBelow(RegionCode scope) {
        return !equals(scope) && isWithin(scope);
    }

    /** A regular expression finding the codes of the regions below this one, for queries a store runs on code strings. */
    public String belowRegex() {
        return "^" + Pattern.quote(value + SEPARATOR);
    }

    @Override
    public String toString() {
        return value;
    }
}
