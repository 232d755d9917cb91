package id.simpul.platform;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who makes a change: a signed-in person or client (their user id, roles, region scope, and the partner or KIM they act
 * for), or Simpul itself (the seeds). Every event a change causes carries its actor (as CloudEvents extension attributes, see the contract);
 * a change made with no actor known carries none, and consumers read events with or without one.
 */
public record Actor(String id, List<String> roles, String regionScope, String partnerId, String kimId) {

    /** The role of Simpul itself: granted everything, and never taken from a token. */
    public static final String SYSTEM_ROLE = "SYSTEM";

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor has an id");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
        regionScope = regionScope == null ? "" : regionScope;
        partnerId = partnerId == null || partnerId.isBlank() ? null : partnerId;
        kimId = kimId == null || kimId.isBlank() ? null : kimId;
    }

    /** A person or client who acts for no partner and no KIM. */
    public Actor(String id, List<String> roles, String regionScope) {
        this(id, roles, regionScope, null, null);
    }

    public boolean isSystem() {
        return roles.contains(SYSTEM_ROLE);
    }

    /** Simpul itself, for what it does on its own (loading its seed data). */
    public static Actor system(String what) {
        return new Actor("simpul:" + what, List.of(SYSTEM_ROLE), "");
    }

    /** The actor of the change being made on this thread, if one is known. */
    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code change} as {@code actor}, and puts back whoever acted before. */
    public static <T> T as(Actor actor, Supplier<T> change) {
        try (Acting acting = enter(actor)) {
            return change.get();
        }
    }

    /** The actor of what this thread does until {@link Acting#close()}, which puts back whoever acted before. */
    public static Acting enter(Actor actor) {
        Actor before = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        };
    }

    /** An actor entered on a thread; closing it puts back the one before. */
    public interface Acting extends AutoCloseable {
        @Override
        void close();
    }

    /** As {@link #as(Actor, Supplier)}, for a change that answers nothing. */
    public static void as(Actor actor, Runnable change) {
        as(actor, () -> {
            change.run();
            return null;
        });
    }
}
