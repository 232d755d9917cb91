package id.simpul.reporting.projection;

import id.simpul.eventing.ReadModels;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * reporting-service's read-model collections, written the one way every consumer writes its read models
 * ({@link ReadModels}: read, change in memory, compare-and-set on the document's revision, alone or in batches).
 */
@Component
public class ReadModelStore {

    public static final String KIMS = "kims";
    public static final String PROGRAMMES = "programmes";
    public static final String PARTNERS = "partners";
    public static final String TRAININGS = "trainings";
    public static final String OUTPUTS = "outputs";
    /** Each document's revision: 1 when first written, one more with every write. */
    public static final String REVISION = ReadModels.REVISION;

    private final ReadModels models;

    ReadModelStore(MongoOperations mongo) {
        this.models = new ReadModels(mongo);
    }

    /** Applies {@code change} to document {@code id} of {@code collection}; the document as written, if it changed. */
    Optional<Document> merge(String collection, String id, Predicate<Document> change) {
        return models.merge(collection, id, change);
    }

    /** As {@link ReadModels#merge(String, String, Predicate, Consumer)}. */
    Optional<Document> merge(String collection, String id, Predicate<Document> change, Consumer<Document> alreadyApplied) {
        return models.merge(collection, id, change, alreadyApplied);
    }

    /** The writes themselves, alone or in batches ({@link ReadModels.Batch}). */
    ReadModels models() {
        return models;
    }
}
