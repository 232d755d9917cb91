package id.simpul.registry;

import id.simpul.testinfra.IntegrationTest;
import id.simpul.testinfra.ServiceAccessMatrixTest;

/** registry-service's role × operation matrix (docs/access.md), on real Kafka and a Mongo-wire server. */
@IntegrationTest
class AccessMatrixIntegrationTest extends ServiceAccessMatrixTest {

    AccessMatrixIntegrationTest() {
        super("registry-service");
    }
}
