package id.simpul.reporting.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Writes read-model documents by read, change in memory, compare-and-set: the change sees the document as stored
 * (or a new one holding only {@code _id}) and says whether it changed it; the write succeeds only if nobody wrote the
 * document meanwhile (its {@code _rev}), else the change runs again on what is stored now. This needs nothing but
 * single-document operations, so it behaves the same on MongoDB and on the MongoDB-wire server.
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
}
