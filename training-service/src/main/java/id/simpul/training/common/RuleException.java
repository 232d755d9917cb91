package id.simpul.training.common;

import java.util.List;

/**
 * A well-formed request that breaks a rule of training-service (a date after the period, an enrolment past the
 * deadline, an output from a KIM that did not attend): nothing changed; answered with 422 and the fields.
 */
public class RuleException extends RuntimeException {

    private final List<Violation> violations;

    public RuleException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public RuleException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
