package id.simpul.reporting.projection;

import id.simpul.testinfra.OnContainers;

/** The same projection tests on a real MongoDB replica set and Kafka in containers, where Docker runs. */
@OnContainers
class KimProjectionOnContainersTest extends KimProjectionIntegrationTest {
}
