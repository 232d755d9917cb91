package id.simpul.reporting.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.conversions.Bson;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Writes read-model documents by read, change in memory, compare-and-set: the change sees the document as stored
 * (or a new one holding only {@code _id}) and says whether it changed it; the write succeeds only if nobody wrote the
 * document meanwhile (its {@code _rev}), else the change runs again on what is stored now. This needs nothing but
 * single-document operations, so it behaves the same on MongoDB and on the MongoDB-wire server.
 *
 * <p>A {@link Batch} does the same for many events at once: one read of every document they touch, the changes in
 * memory, one unordered bulk write of the documents that changed, each still conditional on its revision.
 */
@Component
public class ReadModelStore {

    public static final String KIMS = "kims";
    public static final String PROGRAMMES = "programmes";
    public static final String PARTNERS = "partners";
    public static final String TRAININGS = "trainings";
    public static final String OUTPUTS = "outputs";
    /** Each document's revision: 1 when first written, one more with every write. */
    public static final String REVISION = "_rev";

    private final MongoOperations mongo;

    ReadModelStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Applies {@code change} to document {@code id} of {@code collection}; the document as written, if it changed. */
    Optional<Document> merge(String collection, String id, Predicate<Document> change) {
        return merge(collection, id, change, unchanged -> { });
    }

    /**
     * As {@link #merge(String, String, Predicate)}; when the change leaves a stored document as it is (an event
     * applied already, perhaps by a write whose answer was lost), {@code alreadyApplied} hears of that document.
     */
    Optional<Document> merge(String collection, String id, Predicate<Document> change, Consumer<Document> alreadyApplied) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        while (true) {
            Document stored = documents.find(Filters.eq("_id", id)).first();
            Document document = stored == null ? new Document("_id", id) : stored;
            Number revision = stored == null ? null : (Number) stored.get(REVISION);
            if (!change.test(document)) {
                if (stored != null) {
                    alreadyApplied.accept(stored);
                }
                return Optional.empty();
            }
            if (stored == null) {
                document.put(REVISION, 1L);
                try {
                    documents.insertOne(document);
                    return Optional.of(document);
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            long next = revision == null ? 1 : revision.longValue() + 1;
            document.put(REVISION, next);
            var unchanged = revision == null
                    ? Filters.and(Filters.eq("_id", id), Filters.exists(REVISION, false))
                    : Filters.and(Filters.eq("_id", id), Filters.eq(REVISION, revision));
            if (documents.replaceOne(unchanged, document).getMatchedCount() == 1) {
                return Optional.of(document);
            }
        }
    }

    /** A document of a read-model collection (with its generation's suffix). */
    public record Key(String collection, String id) {
    }

    /** Hears of a document a batch wrote, or found already holding what its events say. */
    interface Told {
        void told(String collection, int generation, Document document);
    }

    Batch batch() {
        return new Batch();
    }

    /** The documents of many events: read at once, changed in memory, written at once. */
    final class Batch {

        private final Map<String, Set<String>> wanted = new LinkedHashMap<>();
        private final Map<Key, Pending> documents = new LinkedHashMap<>();

        private static final class Pending {
            final Document document;
            final boolean stored;
            final Number revision;
            String base;
            int generation;
            boolean changed;
            boolean alreadyApplied;

            Pending(Document stored, String id) {
                this.stored = stored != null;
                this.document = stored != null ? stored : new Document("_id", id);
                this.revision = stored == null ? null : (Number) stored.get(REVISION);
            }
        }

        /** Announces that document {@code id} of {@code collection} will be read; {@link #load} reads them all. */
        void want(String collection, String id) {
            Key key = new Key(collection, id);
            if (!documents.containsKey(key)) {
                wanted.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
            }
        }

        /** Reads every wanted document, one query per collection by {@code _id} (which every index answers). */
        void load() {
            wanted.forEach((collection, ids) -> {
                Map<String, Document> found = new LinkedHashMap<>();
                for (Document document : mongo.getCollection(collection).find(Filters.in("_id", ids))) {
                    found.put(document.getString("_id"), document);
                }
                for (String id : ids) {
                    documents.putIfAbsent(new Key(collection, id), new Pending(found.get(id), id));
                }
            });
            wanted.clear();
        }

        private Pending pending(String collection, String id) {
            Key key = new Key(collection, id);
            Pending pending = documents.get(key);
            if (pending == null) {
                pending = new Pending(mongo.getCollection(collection).find(Filters.eq("_id", id)).first(), id);
                documents.put(key, pending);
            }
            return pending;
        }

        /** Document {@code id} of {@code collection} as the batch's changes left it so far. */
        Document document(String collection, String id) {
            return pending(collection, id).document;
        }

        /** Applies {@code change} to document {@code id} of {@code collection} (generation {@code generation} of {@code base}). */
        boolean change(String base, int generation, String collection, String id, Predicate<Document> change) {
            Pending pending = pending(collection, id);
            pending.base = base;
            pending.generation = generation;
            if (change.test(pending.document)) {
                pending.changed = true;
                return true;
            }
            pending.alreadyApplied |= pending.stored;
            return false;
        }

        /**
         * Writes every changed document, each only if nobody wrote it since it was read; returns the documents that
         * could not be written so (another writer came first, or the server refused part of the bulk write), whose
         * events must be applied again one by one on what is stored now. Throws when the store cannot be reached.
         */
        Set<Key> write() {
            Map<String, List<Key>> keys = new LinkedHashMap<>();
            Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
            documents.forEach((key, pending) -> {
                if (!pending.changed) {
                    return;
                }
                keys.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(key);
                writes.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(model(key, pending));
            });
            Set<Key> conflicts = new HashSet<>();
            writes.forEach((collection, models) -> {
                try {
                    mongo.getCollection(collection).bulkWrite(models, new BulkWriteOptions().ordered(false));
                } catch (MongoBulkWriteException refused) {
                    // Which of the writes were applied is not certain on every server: all are applied again, which
                    // changes nothing where one was.
                    conflicts.addAll(keys.get(collection));
                }
            });
            return conflicts;
        }

        /** A new document is inserted; a stored one replaced if its revision is unchanged, else the upsert collides. */
        private static WriteModel<Document> model(Key key, Pending pending) {
            if (!pending.stored) {
                pending.document.put(REVISION, 1L);
                return new InsertOneModel<>(pending.document);
            }
            pending.document.put(REVISION, pending.revision == null ? 1L : pending.revision.longValue() + 1);
            Bson unchanged = pending.revision == null
                    ? Filters.and(Filters.eq("_id", key.id()), Filters.exists(REVISION, false))
                    : Filters.and(Filters.eq("_id", key.id()), Filters.eq(REVISION, pending.revision));
            return new ReplaceOneModel<>(unchanged, pending.document, new ReplaceOptions().upsert(true));
        }

        /**
         * Tells {@code told} of each document written (as written) and of each stored one an event found already
         * applied (in case the write it came from was stored but its answer lost), except {@code conflicts}.
         */
        void told(Set<Key> conflicts, Told told) {
            documents.forEach((key, pending) -> {
                if (!conflicts.contains(key) && (pending.changed || pending.alreadyApplied)) {
                    told.told(pending.base, pending.generation, pending.document);
                }
            });
        }
    }
}
