package id.simpul.identity.user;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A password is at least {@value #MIN_LENGTH} characters and not one of the commonly used passwords. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;

    private final Set<String> common;

    public PasswordPolicy(Set<String> commonPasswords) {
        this.common = commonPasswords.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Why {@code password} is refused, or empty when it is good enough. */
    public Optional<String> problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("is one of the most common passwords; choose another");
        }
        return Optional.empty();
    }
}
