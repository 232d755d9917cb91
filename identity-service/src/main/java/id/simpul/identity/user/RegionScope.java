package id.simpul.identity.user;

import org.jmolecules.ddd.annotation.ValueObject;

import java.util.regex.Pattern;

/**
 * Where a user acts: a Kemendagri code prefix ({@code 63} a province, {@code 63.03} a regency, down to a village),
 * or the whole country when empty.
 */
@ValueObject
public record RegionScope(String code) {

    private static final Pattern CODE = Pattern.compile("^$|^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$");

    public static final RegionScope NATIONAL = new RegionScope("");

    public RegionScope {
        code = code == null ? "" : code.strip();
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a region scope is a Kemendagri code such as 63 or 63.03, or empty for the whole country");
        }
    }

    public static boolean isValid(String code) {
        return code == null || CODE.matcher(code.strip()).matches();
    }

    public boolean national() {
        return code.isEmpty();
    }

    /** True when {@code other} is this region or lies inside it ({@code 63.03} inside {@code 63}, not {@code 630}). */
    public boolean covers(RegionScope other) {
        return national() || other.code.equals(code) || other.code.startsWith(code + ".");
    }
}
