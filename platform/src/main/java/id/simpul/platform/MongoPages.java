package id.simpul.platform;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import java.util.function.Function;

/** One page of a MongoDB query, counted and ordered (the id breaks ties, so pages never overlap). */
public final class MongoPages {

    public static <T> PageResponse<T> find(MongoOperations mongo, Query query, String collection, Sort order,
                                           PageQuery page, Function<Document, T> mapper) {
        long total = mongo.count(query, collection);
        query.with(order.and(Sort.by("_id"))).skip(page.offset()).limit(page.size());
        return PageResponse.of(mongo.find(query, Document.class, collection).stream().map(mapper).toList(), page, total);
    }

    /** One page in the order a client asked for ({@code ?sort=}). */
    public static <T> PageResponse<T> find(MongoOperations mongo, Query query, String collection, Sorting order,
                                           PageQuery page, Function<Document, T> mapper) {
        return find(mongo, query, collection, Sort.by(order.ascending() ? Sort.Direction.ASC : Sort.Direction.DESC,
                order.storedField()), page, mapper);
    }

    private MongoPages() {
    }

    /** Any of {@code ways}: what a caller may see is reached by any of them; with none, nothing is. */
    public static org.springframework.data.mongodb.core.query.Criteria anyOf(java.util.List<org.springframework.data.mongodb.core.query.Criteria> ways) {
        return ways.isEmpty() ? org.springframework.data.mongodb.core.query.Criteria.where("_id").exists(false)
                : new org.springframework.data.mongodb.core.query.Criteria().orOperator(ways);
    }
}
