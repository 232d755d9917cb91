package id.simpul.eventing;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way Simpul's consumers write their read models, idempotent and order-safe: read the document, change it in
 * memory, compare-and-set. The change sees the document as stored (or a new one holding only {@code _id}) and says
 * whether it changed it, which it decides from the aggregate versions the document holds (a redelivered or
 * out-of-date event changes nothing); the write succeeds only if nobody wrote the document meanwhile (its
 * {@value #REVISION}), else the change runs again on what is stored now. This needs nothing but single-document
 * operations, so it behaves the same on MongoDB and on the MongoDB-wire server.
 *
 * <p>A {@link Batch} does the same for many events at once: one read of every document they touch, the changes in
 * memory, one unordered bulk write of the documents that changed, each still conditional on its revision.
 */
public final class ReadModels {

    /** Each document's revision: 1 when first written, one more with every write. */
    public static final String REVISION = "_rev";
    /** The newest aggregate version a document of {@link #applyIfNewer} holds. */
    public static final String VERSION = "version";

    private final MongoOperations mongo;

    public ReadModels(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * Sets what {@code change} puts on document {@code id} only if it holds an older aggregate version than
     * {@code version} (or does not exist), and the version with it; whether it did.
     */
    public boolean applyIfNewer(String collection, String id, long version, Consumer<Document> change) {
        return merge(collection, id, ifNewer(version, change)).isPresent();
    }

    /**
     * A change that does what {@code change} does, and keeps {@code version} in {@value #VERSION}, only on a document
     * holding an older aggregate version (or none); for {@link #merge} and {@link Batch#change}.
     */
    public static Predicate<Document> ifNewer(long version, Consumer<Document> change) {
        return document -> {
            Number stored = (Number) document.get(VERSION);
            if (stored != null && stored.longValue() >= version) {
                return false;
            }
            change.accept(document);
            document.put(VERSION, version);
            return true;
        };
    }

    /** Applies {@code change} to document {@code id} of {@code collection}; the document as written, if it changed. */
    public Optional<Document> merge(String collection, String id, Predicate<Document> change) {
        return merge(collection, id, change, unchanged -> { });
    }

    /**
     * As {@link #merge(String, String, Predicate)}; when the change leaves a stored document as it is (an event
     * applied already, perhaps by a write whose answer was lost), {@code alreadyApplied} hears of that document.
     */
    public Optional<Document> merge(String collection, String id, Predicate<Document> change, Consumer<Document> alreadyApplied) {
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
            document.put(REVISION, next(revision));
            if (documents.replaceOne(unchanged(id, revision), document).getMatchedCount() == 1) {
                return Optional.of(document);
            }
        }
    }

    private static long next(Number revision) {
        return revision == null ? 1 : revision.longValue() + 1;
    }

    private static Bson unchanged(String id, Number revision) {
        return revision == null
                ? Filters.and(Filters.eq("_id", id), Filters.exists(REVISION, false))
                : Filters.and(Filters.eq("_id", id), Filters.eq(REVISION, revision));
    }

    /** A document of a read-model collection. */
    public record Key(String collection, String id) {
    }

    /** A batch whose documents carry labels of type {@code L} (what the caller tells its listeners). */
    public <L> Batch<L> batch() {
        return new Batch<>();
    }

    /** The documents of many events: read at once, changed in memory, written at once. */
    public final class Batch<L> {

        private final Map<String, Set<String>> wanted = new LinkedHashMap<>();
        private final Map<Key, Pending<L>> documents = new LinkedHashMap<>();

        private static final class Pending<L> {
            final Document document;
            final boolean stored;
            final Number revision;
            L label;
            boolean changed;
            boolean alreadyApplied;

            Pending(Document stored, String id) {
                this.stored = stored != null;
                this.document = stored != null ? stored : new Document("_id", id);
                this.revision = stored == null ? null : (Number) stored.get(REVISION);
            }
        }

        private Batch() {
        }

        /** Announces that document {@code id} of {@code collection} will be read; {@link #load} reads them all. */
        public void want(String collection, String id) {
            if (!documents.containsKey(new Key(collection, id))) {
                wanted.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
            }
        }

        /** Reads every wanted document, one query per collection by {@code _id} (which every index answers). */
        public void load() {
            wanted.forEach((collection, ids) -> {
                Map<Object, Document> found = new LinkedHashMap<>();
                for (Document document : mongo.getCollection(collection).find(Filters.in("_id", ids))) {
                    found.put(document.get("_id"), document);
                }
                for (String id : ids) {
                    documents.putIfAbsent(new Key(collection, id), new Pending<>(found.get(id), id));
                }
            });
            wanted.clear();
        }

        private Pending<L> pending(String collection, String id) {
            return documents.computeIfAbsent(new Key(collection, id),
                    key -> new Pending<>(mongo.getCollection(collection).find(Filters.eq("_id", id)).first(), id));
        }

        /** Document {@code id} of {@code collection} as the batch's changes left it so far (read if not loaded). */
        public Document document(String collection, String id) {
            return pending(collection, id).document;
        }

        /** Applies {@code change} to document {@code id} of {@code collection}, labelled {@code label}; whether it changed it. */
        public boolean change(String collection, String id, Predicate<Document> change, L label) {
            Pending<L> pending = pending(collection, id);
            pending.label = label;
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
        public Set<Key> write() {
            Map<String, List<Key>> keys = new LinkedHashMap<>();
            Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
            documents.forEach((key, pending) -> {
                if (pending.changed) {
                    keys.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(key);
                    writes.computeIfAbsent(key.collection(), c -> new ArrayList<>()).add(model(key, pending));
                }
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
        private WriteModel<Document> model(Key key, Pending<L> pending) {
            if (!pending.stored) {
                pending.document.put(REVISION, 1L);
                return new InsertOneModel<>(pending.document);
            }
            pending.document.put(REVISION, next(pending.revision));
            return new ReplaceOneModel<>(unchanged(key.id(), pending.revision), pending.document,
                    new ReplaceOptions().upsert(true));
        }

        /**
         * Tells {@code told} of each document written (as written) and of each stored one an event found already
         * applied (in case the write it came from was stored but its answer lost), except {@code conflicts}.
         */
        public void told(Set<Key> conflicts, BiConsumer<L, Document> told) {
            documents.forEach((key, pending) -> {
                if (!conflicts.contains(key) && (pending.changed || pending.alreadyApplied)) {
                    told.accept(pending.label, pending.document);
                }
            });
        }
    }
}
