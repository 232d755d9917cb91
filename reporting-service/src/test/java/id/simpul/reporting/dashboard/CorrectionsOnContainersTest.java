package id.simpul.reporting.dashboard;

import id.simpul.testinfra.OnContainers;

/** The same corrections tests on a real MongoDB replica set and Kafka in containers, where Docker runs. */
@OnContainers
class CorrectionsOnContainersTest extends CorrectionsIntegrationTest {
}
