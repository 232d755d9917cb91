package id.simpul.platform;

import org.springframework.http.HttpStatus;

import java.util.Optional;

/**
 * ETags are the aggregate's version in quotes ({@code "3"}). A correction needs {@code If-Match} with the ETag last
 * read: {@code 428} without it, {@code 412} when the resource changed since. A tag that is not one of ours never matches.
 */
public final class ETags {

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} names, if one was sent; -1 (matching nothing) for a tag that is not ours. */
    public static Optional<Long> version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.empty();
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException notOurs) {
            return Optional.of(-1L);
        }
    }

    /** The version an {@code If-Match} names; {@code 428} when none was sent. */
    public static long required(String ifMatch, String what) {
        return version(ifMatch).orElseThrow(() -> Problems.exception(Problems.of(HttpStatus.PRECONDITION_REQUIRED,
                "if-match-required", "If-Match required", "Send the " + what + "'s ETag in If-Match, so that no change is lost.")));
    }

    private ETags() {
    }
}
