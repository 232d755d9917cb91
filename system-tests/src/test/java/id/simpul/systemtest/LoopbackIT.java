package id.simpul.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * In the embedded default every service listens on 127.0.0.1 only, as Kafka and the Mongo-wire server do: from this
 * machine's other addresses nothing answers (SIMPUL_BIND_ADDRESS opens it, as docker-compose does).
 */
class LoopbackIT {

    private static SimpulSystem system;

    @BeforeAll
    static void startSystem() {
        system = SimpulSystem.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry-service", "training-service", "reporting-service"})
    void aServiceAnswersOnLoopbackOnly(String service) throws IOException {
        Optional<InetAddress> other = otherAddress();
        assumeTrue(other.isPresent(), "this machine has no address but loopback");
        int port = system.config.port(service);

        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            assertThat(loopback.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> {
            try (Socket outside = new Socket()) {
                outside.connect(new InetSocketAddress(other.get(), port), 2000);
            }
        }).as("%s on %s:%d", service, other.get().getHostAddress(), port).isInstanceOf(IOException.class);
    }

    private static Optional<InetAddress> otherAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }
}
