package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Generations;
import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * What the dashboard's integration tests share: reporting-service running on real Kafka and a Mongo-wire server (one
 * Spring context for all of them), its figures and read models, and its API.
 */
@IntegrationTest
abstract class DashboardIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    @Autowired
    FiguresService figures;
    @Autowired
    Generations generations;
    @Autowired
    MongoOperations mongo;
    Http http;
    ReportingApi api;

    @BeforeEach
    void client() {
        http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
        api = new ReportingApi(http, bootstrap);
    }
}
