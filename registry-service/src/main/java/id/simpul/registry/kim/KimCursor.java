package id.simpul.registry.kim;

import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import id.simpul.platform.Sorting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ?cursor=}: where the last page of a list of KIMs ended — its order and the sort value and id of its last
 * KIM — so that the next page starts right after it, whatever was registered before it meanwhile. Opaque to
 * clients (base64url); anything that is not a cursor this list gave is 400 naming {@code cursor}.
 */
record KimCursor(Sorting sort, KimListIndex.Entry last) {

    static final String PARAMETER = "cursor";
    private static final String FORMAT = "k1";
    private static final String NULL = "-";
    private static final String VALUE = "=";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String NOT_A_CURSOR = "is not a cursor of this list: send the nextCursor of the page before, unchanged";

    /** The cursor after {@code last} in the order {@code sort}. */
    static String after(Sorting sort, KimListIndex.Entry last) {
        Object value = last.value(sort.storedField());
        String written = switch (value) {
            case null -> NULL;
            case Instant at -> VALUE + at.toEpochMilli();
            default -> VALUE + value;
        };
        String text = String.join("|", FORMAT, sort.spec(), last.id(), written);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor; {@code sortSpec} is the {@code ?sort=} sent beside it (null when none), which must then be
     * the order the cursor continues.
     */
    static KimCursor parse(String token, String sortSpec) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8).split("\\|", 4);
        } catch (IllegalArgumentException notBase64) {
            throw invalid(NOT_A_CURSOR);
        }
        if (parts.length != 4 || !parts[0].equals(FORMAT) || !UUID.matcher(parts[2]).matches()
                || !(parts[3].equals(NULL) || parts[3].startsWith(VALUE))) {
            throw invalid(NOT_A_CURSOR);
        }
        Sorting sort;
        try {
            sort = KimSort.FIELDS.parse(parts[1]);
        } catch (RuntimeException notASort) {
            throw invalid(NOT_A_CURSOR);
        }
        if (sortSpec != null && !sortSpec.isBlank() && !KimSort.FIELDS.parse(sortSpec).equals(sort)) {
            throw invalid("continues the list in the order sort=" + sort.spec() + ": send that sort, or none");
        }
        Comparable<?> value;
        try {
            value = parts[3].equals(NULL) ? null : value(sort.storedField(), parts[3].substring(VALUE.length()));
        } catch (RuntimeException notAValue) {
            throw invalid(NOT_A_CURSOR);
        }
        return new KimCursor(sort, KimListIndex.Entry.probe(sort.storedField(), value, parts[2]));
    }

    private static Comparable<?> value(String storedField, String text) {
        return switch (storedField) {
            case KimMapping.NAME_SORT -> text;
            case KimMapping.REGISTERED_AT, KimMapping.UPDATED_AT -> Instant.ofEpochMilli(Long.parseLong(text));
            case KimMapping.MEMBER_COUNT -> Integer.valueOf(text);
            default -> throw new IllegalArgumentException(storedField);
        };
    }

    private static RuntimeException invalid(String message) {
        return Problems.exception(Problems.invalid(List.of(new FieldProblem(PARAMETER, message))));
    }
}
