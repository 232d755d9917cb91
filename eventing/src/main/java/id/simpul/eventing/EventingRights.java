package id.simpul.eventing;

import id.simpul.platform.access.Right;
import id.simpul.platform.access.Rights;

import static id.simpul.platform.access.Role.MINISTRY_ADMIN;
import static id.simpul.platform.access.Role.OPERATOR;

/** The rights of the operations every service shares (docs/access.md): dead letters and the consistency report. */
public final class EventingRights {

    public static final String DEAD_LETTERS_READ = "dead-letters.read";
    public static final String DEAD_LETTERS_REPLAY = "dead-letters.replay";
    public static final String DEAD_LETTERS_DISCARD = "dead-letters.discard";
    public static final String CONSISTENCY_READ = "consistency.read";

    private EventingRights() {
    }

    static Rights deadLetters() {
        return Rights.of(
                Right.named(DEAD_LETTERS_READ).all(MINISTRY_ADMIN),
                Right.named(DEAD_LETTERS_REPLAY).all(MINISTRY_ADMIN),
                Right.named(DEAD_LETTERS_DISCARD).all(MINISTRY_ADMIN));
    }

    static Rights consistency() {
        return Rights.of(Right.named(CONSISTENCY_READ).all(MINISTRY_ADMIN, OPERATOR));
    }
}
