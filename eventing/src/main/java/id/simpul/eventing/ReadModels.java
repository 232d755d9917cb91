package id.simpul.eventing;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotent, order-safe writes of read models kept by consumers. */
public final class ReadModels {

    public static final String VERSION = "version";
    private static final Set<String> INDEXED = ConcurrentHashMap.newKeySet();

    /**
     * Applies {@code update} ({@code $set} and {@code $inc} only) to document {@code id} only if it holds an older
     * aggregate version than {@code version}, creating it when absent. A redelivered or out-of-date event changes
     * nothing. The write is a compare-and-set on (_id, version), which an index answers on every MongoDB-wire
     * server; a concurrent writer makes it read again.
     *
     * @return whether the update was applied
     */
    public static boolean applyIfNewer(MongoOperations mongo, String collection, String id, long version, Update update) {
        if (INDEXED.add(mongo.getCollection(collection).getNamespace().getFullName())) {
            mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC)
                    .unique().named("id_version"));
        }
        while (true) {
            Query byId = Query.query(Criteria.where("_id").is(id));
            byId.fields().include(VERSION);
            Document current = mongo.findOne(byId, Document.class, collection);
            if (current == null) {
                try {
                    mongo.insert(newDocument(id, version, update), collection);
                    return true;
                } catch (DuplicateKeyException createdMeanwhile) {
                    continue;
                }
            }
            long stored = ((Number) current.get(VERSION)).longValue();
            if (stored >= version) {
                return false;
            }
            Query unchanged = Query.query(Criteria.where("_id").is(id).and(VERSION).is(current.get(VERSION)));
            if (mongo.updateFirst(unchanged, update.set(VERSION, version), collection).getMatchedCount() == 1) {
                return true;
            }
        }
    }

    private static Document newDocument(String id, long version, Update update) {
        Document document = new Document("_id", id);
        for (Map.Entry<String, Object> operation : update.getUpdateObject().entrySet()) {
            Document fields = (Document) operation.getValue();
            switch (operation.getKey()) {
                case "$set", "$inc" -> fields.forEach(document::append);
                default -> throw new IllegalArgumentException("Read model updates use $set and $inc, not " + operation.getKey());
            }
        }
        return document.append(VERSION, version);
    }

    private ReadModels() {
    }
}
