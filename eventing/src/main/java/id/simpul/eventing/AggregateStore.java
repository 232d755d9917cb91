package id.simpul.eventing;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;

/**
 * Stores an aggregate and the events its change caused in one MongoDB document, so that both are written or
 * neither is (single-document atomicity: no transactions needed). The {@link OutboxRelay} publishes the events and
 * removes them once Kafka has acknowledged them.
 */
public final class AggregateStore<A> {

    static final String ID = "_id";
    static final String VERSION = "version";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final String collection;
    private final AggregateMapping<A> mapping;

    public AggregateStore(MongoOperations mongo, Outbox outbox, OutboxRelay relay, String collection,
                          AggregateMapping<A> mapping) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.relay = relay;
        this.collection = collection;
        this.mapping = mapping;
        relay.watch(collection);
        // Lets every MongoDB-wire server answer the version-checked update from an index (MongoDB uses _id alone).
        mongo.indexOps(collection).createIndex(new Index().on(ID, Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC)
                .unique().named("id_version"));
    }

    /** Stores a new aggregate with its events; a {@code DuplicateKeyException} if the id is taken. */
    public void insert(A aggregate, List<?> events) {
        String id = mapping.id(aggregate);
        Document document = mapping.toDocument(aggregate)
                .append(ID, id)
                .append(VERSION, mapping.version(aggregate))
                .append(OutboxRelay.OUTBOX, entries(events));
        mongo.insert(document, collection);
        relay.hint(collection, id);
    }

    /**
     * Stores many new aggregates with their events in one round trip, each in its own document as {@link #insert}
     * does; returns the positions of those refused because their id or another unique key is taken (nothing of them
     * is stored). Meant for imports.
     */
    public Set<Integer> insertAll(List<A> aggregates, List<? extends List<?>> events) {
        if (aggregates.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < aggregates.size(); i++) {
            A aggregate = aggregates.get(i);
            documents.add(mapping.toDocument(aggregate)
                    .append(ID, mapping.id(aggregate))
                    .append(VERSION, mapping.version(aggregate))
                    .append(OutboxRelay.OUTBOX, entries(events.get(i))));
        }
        Set<Integer> refused = new TreeSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection).insert(documents).execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        for (int i = 0; i < aggregates.size(); i++) {
            if (!refused.contains(i)) {
                relay.hint(collection, mapping.id(aggregates.get(i)));
            }
        }
        return refused;
    }

    /**
     * Stores a changed aggregate and appends its events, if the stored version is still {@code expectedVersion};
     * otherwise nothing is written and an {@link OptimisticLockingFailureException} says someone else was first.
     */
    public void update(A aggregate, long expectedVersion, List<?> events) {
        String id = mapping.id(aggregate);
        Update update = new Update();
        mapping.toDocument(aggregate).forEach(update::set);
        update.set(VERSION, mapping.version(aggregate));
        List<Document> entries = entries(events);
        if (!entries.isEmpty()) {
            // $push leaves entries the relay is publishing right now untouched; it only removes acknowledged ones.
            update.push(OutboxRelay.OUTBOX).each(entries.toArray());
        }
        Query query = Query.query(Criteria.where(ID).is(id).and(VERSION).is(expectedVersion));
        if (mongo.updateFirst(query, update, collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    "%s %s was changed by someone else (expected version %d)".formatted(collection, id, expectedVersion));
        }
        if (!entries.isEmpty()) {
            relay.hint(collection, id);
        }
    }

    public Optional<A> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection)).map(mapping::fromDocument);
    }

    public String collection() {
        return collection;
    }

    private List<Document> entries(List<?> events) {
        return outbox.entriesFor(events).stream().map(OutboxEntry::toDocument).toList();
    }
}
