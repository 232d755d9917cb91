package id.simpul.registry.kim;

import id.simpul.testinfra.OnContainers;

/** The same API tests on a real MongoDB replica set and Kafka in containers, where Docker runs. */
@OnContainers
class KimApiOnContainersTest extends KimApiIntegrationTest {
}
