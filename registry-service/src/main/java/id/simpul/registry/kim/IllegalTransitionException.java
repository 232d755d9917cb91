package id.simpul.registry.kim;

import java.util.Set;

/** A status change the lifecycle does not allow from the KIM's current status. */
public class IllegalTransitionException extends RuntimeException {

    private final KimStatus from;
    private final KimStatus to;

    public IllegalTransitionException(KimStatus from, KimStatus to) {
        super(from.next().isEmpty()
                ? "A " + from + " KIM cannot change status"
                : "A " + from + " KIM can become " + from.next() + ", not " + to);
        this.from = from;
        this.to = to;
    }

    public KimStatus from() {
        return from;
    }

    public KimStatus to() {
        return to;
    }

    public Set<KimStatus> allowed() {
        return from.next();
    }
}
