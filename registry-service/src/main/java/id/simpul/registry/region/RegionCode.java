package id.simpul.registry.region;

import id.simpul.eventing.Identifier;
import id.simpul.regions.RegionLevel;
import org.jmolecules.ddd.annotation.ValueObject;

import java.util.regex.Pattern;

/**
 * A Kemendagri region code: province {@code PP}, regency/city {@code PP.RR}, district {@code PP.RR.DD} or
 * village/kelurahan {@code PP.RR.DD.VVVV}.
 */
@ValueObject
public record RegionCode(String value) implements Identifier {

    public static final String VILLAGE_PATTERN = "^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$";
    private static final Pattern FORMAT = Pattern.compile("^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a Kemendagri region code: " + value);
        }
    }

    public RegionLevel level() {
        return RegionLevel.ofCode(value);
    }

    /** The code of the enclosing region at {@code level}, which must be this level or above. */
    public RegionCode at(RegionLevel level) {
        if (level.ordinal() > level().ordinal()) {
            throw new IllegalArgumentException(value + " is a " + level() + ", it has no " + level);
        }
        String[] parts = value.split("\\.");
        return new RegionCode(String.join(".", java.util.Arrays.copyOf(parts, level.ordinal() + 1)));
    }

    public boolean isVillage() {
        return level() == RegionLevel.VILLAGE;
    }

    @Override
    public String toString() {
        return value;
    }
}
