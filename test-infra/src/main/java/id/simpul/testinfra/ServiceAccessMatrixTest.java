package id.simpul.testinfra;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link AccessMatrix} of one service as a test: each service's {@code AccessMatrixIntegrationTest} extends this
 * (as an {@link IntegrationTest}). Every operation of its OpenAPI document, anonymously and as every role: refused
 * where docs/access.md says no, let through where it grants the role anything; an operation without a row fails.
 */
public abstract class ServiceAccessMatrixTest {

    private final String service;

    @LocalServerPort
    int port;

    protected ServiceAccessMatrixTest(String service) {
        this.service = service;
    }

    @Test
    void everyOperationAnswersEveryRoleAsTheTableSays() {
        assertThat(new AccessMatrix(port, service, AccessMatrix.demoCallers()).mismatches()).isEmpty();
    }
}
