package id.simpul.registry.kim;

/** One field of a KIM that breaks a rule, and why. */
public record RuleViolation(String field, String message) {
}
