package id.simpul.registry.kim;

import id.simpul.testinfra.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the KIM API integration tests share: the service on a random port, its broker, a client. */
@IntegrationTest
abstract class KimApiTestBase {

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;
    KimApi api;

    @BeforeEach
    void client() {
        api = new KimApi(port);
    }
}
