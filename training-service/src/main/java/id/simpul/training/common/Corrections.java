package id.simpul.training.common;

import id.simpul.eventing.AggregateStore;
import org.springframework.dao.OptimisticLockingFailureException;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Stores a correction of an aggregate the client read at {@code expectedVersion} (its If-Match): 404 when it does not
 * exist, 412 when it changed since — also when it changes between reading and writing here.
 */
public final class Corrections {

    /** A corrected aggregate and the one event that says so. */
    public record Corrected<A>(A aggregate, Object event) {
    }

    public static <A> A apply(AggregateStore<A> store, String id, String what, long expectedVersion,
                              ToLongFunction<A> version, Function<A, Optional<Corrected<A>>> correction) {
        A current = store.findById(id).orElseThrow(() -> new NotFoundException(what, id));
        long stored = version.applyAsLong(current);
        if (stored != expectedVersion) {
            throw new StaleException(expectedVersion, stored);
        }
        Optional<Corrected<A>> corrected = correction.apply(current);
        if (corrected.isEmpty()) {
            return current;
        }
        try {
            store.update(corrected.get().aggregate(), stored, List.of(corrected.get().event()));
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new StaleException(expectedVersion, store.findById(id).map(version::applyAsLong).orElse(stored));
        }
        return corrected.get().aggregate();
    }

    private Corrections() {
    }
}
