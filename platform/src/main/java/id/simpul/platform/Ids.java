package id.simpul.platform;

import java.util.List;

/** The shape of the ids Simpul hands out, for validating them where clients send them back. */
public final class Ids {

    /** A UUID in its canonical form, as every Simpul aggregate id is. */
    public static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(UUID_PATTERN);

    /**
     * An id sent in a path, checked for its shape: a malformed one is {@code 400} (the request is wrong), one of the
     * right shape that names nothing is the caller's {@code 404}. Answers the id in lower case.
     */
    public static String parse(String value, String what) {
        if (value == null || !UUID.matcher(value).matches()) {
            throw Problems.exception(Problems.invalid(List.of(new ProblemDetailsAdvice.FieldProblem("id",
                    "must be " + ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what
                            + " id, a UUID such as 3f2b8c1e-5d4a-4e0b-9c6f-1a2b3c4d5e6f"))));
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private Ids() {
    }
}
