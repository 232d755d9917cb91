package id.simpul.training.common;

/** One field of a request that breaks a rule, and why. */
public record Violation(String field, String message) {
}
