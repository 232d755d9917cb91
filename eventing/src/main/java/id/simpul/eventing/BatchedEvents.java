package id.simpul.eventing;

import org.bson.Document;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a consumer applies the records of one poll to its read models at once ({@link ReadModels.Batch}): every record
 * is read first, every document they touch is read with one query per collection, the events are applied in their
 * partitions' order in memory, and the documents that changed are written in one bulk write, each conditional on its
 * revision. An event whose document another writer changed meanwhile is applied again alone on what is stored now.
 *
 * <p>An event that cannot be read or applied ends the batch: what the events before it changed is written, and a
 * {@link BatchListenerFailedException} names it, so that the listener container (with {@link ConsumerFailures})
 * commits the events before it and retries or dead-letters that one as it would a single record. When the store
 * cannot take the write, nothing of the batch is taken as written and the whole batch is tried again.
 */
public final class BatchedEvents {

    /** What a consumer does with each event of a batch ({@code S}: what it made of the event; {@code L}: a document's label). */
    public interface Steps<S, L> {

        /** What the event does; null for an event this consumer skips. Throws when it cannot be read. */
        S read(IncomingEvent event);

        IncomingEvent event(S step);

        /** Announces the documents {@code step} will read. */
        void want(S step, ReadModels.Batch<L> batch);

        /** Applies {@code step} to the batch's documents; whether it changed one. Throws when it cannot be applied. */
        boolean apply(S step, ReadModels.Batch<L> batch);

        /** Whether {@code step} changed any of {@code documents}. */
        boolean touches(S step, Set<ReadModels.Key> documents);

        /** Applies the event alone (read, change, compare-and-set), after another writer came first. */
        void applyAlone(S step);

        /** The event is applied (or found applied already, {@code changed} false). */
        void handled(S step, boolean changed);

        /** A document the batch wrote, or found already holding what its events say. */
        void told(L label, Document document);
    }

    public static <S, L> void apply(List<Supplier<IncomingEvent>> records, ReadModels models, Steps<S, L> steps) {
        List<S> read = new ArrayList<>(records.size());
        RuntimeException failure = null;
        for (Supplier<IncomingEvent> record : records) {
            try {
                read.add(steps.read(record.get()));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        ReadModels.Batch<L> batch = models.batch();
        read.stream().filter(step -> step != null).forEach(step -> steps.want(step, batch));
        try {
            batch.load();
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("the read models could not be read", e, 0);
        }
        List<Boolean> changed = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            S step = read.get(i);
            try {
                changed.add(step != null && steps.apply(step, batch));
            } catch (RuntimeException e) {
                failure = e;
                read = read.subList(0, i);
            }
        }
        int failedAt = read.size();
        Set<ReadModels.Key> conflicts;
        try {
            conflicts = batch.write();
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("the read models could not be written", e, 0);
        }
        for (int i = 0; i < read.size(); i++) {
            S step = read.get(i);
            if (step == null) {
                continue;
            }
            if (steps.touches(step, conflicts)) {
                try {
                    steps.applyAlone(step);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException("could not apply " + steps.event(step).type() + " "
                            + steps.event(step).id(), e, i);
                }
            } else {
                steps.handled(step, changed.get(i));
            }
        }
        batch.told(conflicts, steps::told);
        if (failure != null) {
            throw new BatchListenerFailedException("could not apply record " + failedAt + " of the batch", failure, failedAt);
        }
    }

    private BatchedEvents() {
    }
}
