package id.simpul.eventing;

import id.simpul.testinfra.OnContainers;

/** The same behaviour on a real MongoDB replica set and Kafka in containers, where Docker runs. */
@OnContainers
class EventingOnContainersTest extends EventingIntegrationTest {
}
