package id.simpul.eventing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Idempotent, order-safe writes of read models kept by consumers. */
public final class ReadModels {

    public static final String VERSION = "version";

    /**
     * Applies {@code update} to document {@code id} only if it holds an older aggregate version than
     * {@code version}, creating it when absent. A redelivered or out-of-date event changes nothing.
     *
     * @return whether the update was applied
     */
    public static boolean applyIfNewer(MongoOperations mongo, String collection, String id, long version, Update update) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(id).and(VERSION).lt(version));
        try {
            mongo.upsert(olderOrAbsent, update.set(VERSION, version), collection);
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            // The document exists with this version or a newer one: the upsert's insert collided with it.
            return false;
        }
    }

    private ReadModels() {
    }
}
