package id.simpul.eventing;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service holds of one kind of aggregate, for the consistency check ({@code ./simpul check}): every id with
 * the aggregate version held, and for a store the ids whose events still wait in the outbox. Stores are the
 * aggregates a service owns; views are what it keeps of others' (or its own) events.
 */
public interface ConsistencySource {

    /** The aggregates' name, the same in every service: {@code kims}, {@code programmes}, {@code trainings}, … */
    String name();

    /** Several sources as one bean (a service's read models). */
    interface Several {
        List<ConsistencySource> sources();
    }

    /** A read model kept from events rather than the aggregates themselves. */
    boolean view();

    /** Every id held, with its version. */
    Map<String, Long> versions();

    /** Ids whose latest events are not yet published (stores only). */
    default Set<String> pending() {
        return Set.of();
    }

    /**
     * A view kept in {@code collection} with the aggregate version in {@code version}; {@code filter} keeps out what
     * does not count (a document known only from an aggregate's later events).
     */
    static ConsistencySource view(String name, MongoOperations mongo, java.util.function.Supplier<String> collection,
                                  Criteria filter) {
        return new ConsistencySource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean view() {
                return true;
            }

            @Override
            public Map<String, Long> versions() {
                return ConsistencySource.versions(mongo, collection.get(), filter);
            }
        };
    }

    /** Id and version of every document of {@code collection} matching {@code filter}. */
    static Map<String, Long> versions(MongoOperations mongo, String collection, Criteria filter) {
        Query query = filter == null ? new Query() : Query.query(filter);
        query.fields().include("_id").include("version");
        Map<String, Long> versions = new LinkedHashMap<>();
        for (Document document : mongo.find(query, Document.class, collection)) {
            Object version = document.get("version");
            versions.put(String.valueOf(document.get("_id")), version instanceof Number n ? n.longValue() : null);
        }
        return versions;
    }

    /** Ids of the documents of {@code collection} whose outbox holds events. */
    static Set<String> pending(MongoOperations mongo, String collection) {
        Query query = Query.query(Criteria.where(OutboxRelay.OUTBOX + ".0").exists(true));
        query.fields().include("_id");
        Set<String> ids = new HashSet<>();
        mongo.find(query, Document.class, collection).forEach(d -> ids.add(String.valueOf(d.get("_id"))));
        return ids;
    }
}
