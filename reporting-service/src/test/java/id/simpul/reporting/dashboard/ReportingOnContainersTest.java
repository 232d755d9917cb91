package id.simpul.reporting.dashboard;

import id.simpul.testinfra.OnContainers;

/** The same reporting tests (projections, figures, replay, rebuild, stream, exports) on a real MongoDB replica set and Kafka in containers, where Docker runs. */
@OnContainers
class ReportingOnContainersTest extends ReportingIntegrationTest {
}
