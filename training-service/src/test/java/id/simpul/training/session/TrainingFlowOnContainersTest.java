package id.simpul.training.session;

import id.simpul.testinfra.OnContainers;

/** The same training flow on a real MongoDB replica set and Kafka in containers, where Docker runs. */
@OnContainers
class TrainingFlowOnContainersTest extends TrainingFlowIntegrationTest {
}
