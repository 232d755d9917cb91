package id.simpul.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Waits until a component of the local stack answers. */
public final class Readiness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Polls {@code check} until it holds; fails with {@code what} once the process died or the timeout passed. */
    public static void await(String what, JavaProcess process, Duration timeout, BooleanSupplier check) {
        Instant deadline = Instant.now().plus(timeout);
        while (!check.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited during start-up");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " was not ready after " + timeout.toSeconds() + " s");
            }
            sleep(250);
        }
    }

    public static boolean tcpOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * How long one readiness question to the broker may take: enough for a cold JVM ({@code ./simpul status}) to load
     * the admin client and ask on two busy cores, where 2 s once answered "not ready" for a broker that was up.
     */
    private static final int ADMIN_TIMEOUT_MS = 5000;

    /** True when the Kafka cluster at {@code bootstrap} answers a metadata request with a controller. */
    public static boolean kafkaReady(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS))) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(ADMIN_TIMEOUT_MS)).controller().get() != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** True when {@code url} answers 200 with a body that reports status UP (Spring Boot actuator health). */
    public static boolean healthUp(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(JSON.readTree(response.body()).path("status").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    private Readiness() {
    }
}
