package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.KimProjection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Figures computed from the read models on request: counting is cheap and always agrees with the projections. */
@Component
class DashboardFigures {

    private final MongoOperations mongo;

    DashboardFigures(MongoOperations mongo) {
        this.mongo = mongo;
    }

    record KimFigures(long total, Map<String, Long> byStatus) {
    }

    KimFigures kims() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        KimStatuses.ALL.forEach(status -> byStatus.put(status, 0L));
        Aggregation countByStatus = Aggregation.newAggregation(Aggregation.group("status").count().as("count"));
        for (Document group : mongo.aggregate(countByStatus, KimProjection.COLLECTION, Document.class)) {
            byStatus.put(group.getString("_id"), ((Number) group.get("count")).longValue());
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new KimFigures(total, byStatus);
    }
}
