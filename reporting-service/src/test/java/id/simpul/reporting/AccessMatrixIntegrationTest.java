package id.simpul.reporting;

import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.ServiceAccessMatrixTest;

/** reporting-service's role × operation matrix (docs/access.md), on real Kafka and a Mongo-wire server. */
@IntegrationTest
class AccessMatrixIntegrationTest extends ServiceAccessMatrixTest {

    AccessMatrixIntegrationTest() {
        super("reporting-service");
    }
}
