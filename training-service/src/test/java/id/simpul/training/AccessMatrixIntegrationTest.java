package id.simpul.training;

import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.ServiceAccessMatrixTest;

/** training-service's role × operation matrix (docs/access.md), on real Kafka and a Mongo-wire server. */
@IntegrationTest
class AccessMatrixIntegrationTest extends ServiceAccessMatrixTest {

    AccessMatrixIntegrationTest() {
        super("training-service");
    }
}
