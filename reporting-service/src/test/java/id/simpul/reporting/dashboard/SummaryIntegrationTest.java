package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Generations;
import id.simpul.reporting.projection.ReadModelStore;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SummaryIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoOperations mongo;
    @Autowired
    Generations generations;
    @Autowired
    FiguresService figures;

    @Test
    void theSummaryCountsKimsInTotalAndByStatusWithEveryStatusPresent() {
        String kims = generations.current(ReadModelStore.KIMS);
        mongo.remove(new Query(), kims);
        mongo.insert(new Document("_id", "a").append("status", "SUBMITTED").append("villageCode", "63.03.05.1001"), kims);
        mongo.insert(new Document("_id", "b").append("status", "SUBMITTED").append("villageCode", "63.03.05.1001"), kims);
        mongo.insert(new Document("_id", "c").append("status", "ACTIVE").append("villageCode", "91.71.01.1001"), kims);
        figures.recompute();

        Http.Response summary = Http.local(port).get("/api/dashboard/summary");

        assertThat(summary.status()).isEqualTo(200);
        assertThat(((Number) summary.json("$.kims.total")).longValue()).isEqualTo(3);
        assertThat((Map<String, Integer>) summary.json("$.kims.byStatus")).containsExactly(
                Map.entry("CANDIDATE", 0), Map.entry("SUBMITTED", 2), Map.entry("VERIFIED", 0), Map.entry("ACTIVE", 1),
                Map.entry("DORMANT", 0), Map.entry("REJECTED", 0), Map.entry("DISSOLVED", 0));
    }
}
