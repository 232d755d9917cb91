package id.simpul.registry.kim;

import java.util.List;

/** A change that would leave a KIM breaking its region's rules; nothing was changed. */
public class KimRuleException extends RuntimeException {

    private final List<RuleViolation> violations;

    public KimRuleException(List<RuleViolation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
