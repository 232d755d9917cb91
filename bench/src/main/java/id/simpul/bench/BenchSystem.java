package id.simpul.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.simpul.localstack.Launcher;
import id.simpul.localstack.LocalStackConfig;
import id.simpul.localstack.SignIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Simpul system of a benchmark's own, started as ./simpul does (H2-backed Mongo-wire server, real Kafka, the three
 * service jars) on random ports and temporary data, with what every benchmark reads of it.
 */
final class BenchSystem implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final List<String> PROCESSES = List.of(Launcher.MONGO, Launcher.KAFKA, "identity-service", "registry-service",
            "training-service", "reporting-service");

    final LocalStackConfig config;
    private final Launcher launcher;
    /** The ministry admin's token (reads every admin endpoint), renewed before its 15 minutes are over. */
    private static volatile String token;
    private static volatile java.time.Instant tokenAt = java.time.Instant.MIN;
    private static volatile LocalStackConfig signedInTo;

    private BenchSystem(LocalStackConfig config) {
        this.config = config;
        this.launcher = new Launcher(config);
    }

    /** Starts the system from the checkout named by {@code simpul.home} and waits until it is ready. */
    static BenchSystem start() throws IOException {
        Path root = Path.of(System.getProperty("simpul.home", ".")).toAbsolutePath().normalize();
        BenchSystem system = new BenchSystem(LocalStackConfig.forTests(root, Files.createTempDirectory("simpul-bench")));
        Runtime.getRuntime().addShutdownHook(new Thread(system.launcher::stop));
        System.out.printf("Starting Simpul (data in %s)%n", system.config.dataDir());
        system.launcher.start();
        signedInTo = system.config;
        return system;
    }

    /** The bearer header value of the ministry admin, signed in through identity-service (authorization code + PKCE). */
    static synchronized String bearer() {
        if (token == null || tokenAt.plus(Duration.ofMinutes(10)).isBefore(java.time.Instant.now())) {
            token = SignIn.accessToken(signedInTo.identityIssuer(), "admin@kemkomdigi", SignIn.DEMO_PASSWORD);
            tokenAt = java.time.Instant.now();
        }
        return "Bearer " + token;
    }

    Path root() {
        return config.root();
    }

    String url(String service) {
        return "http://localhost:" + config.port(service);
    }

    /** The dashboard total once the seed KIMs are all counted and nothing changes for two seconds. */
    long settledKimTotal(long atLeast) throws Exception {
        long previous = -1;
        long current = kimTotal();
        while (current != previous || current < atLeast) {
            Thread.sleep(2000);
            previous = current;
            current = kimTotal();
        }
        return current;
    }

    long kimTotal() throws Exception {
        return summary().path("kims").path("total").asLong();
    }

    JsonNode summary() throws Exception {
        return JSON.readTree(get(url("reporting-service") + "/api/dashboard/summary"));
    }

    static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    void printMemory() {
        System.out.println("Resident memory (RSS) at the end:");
        for (String component : PROCESSES) {
            System.out.printf("  %-18s %6d MiB%n", component, rssMiB(config.dataDir().resolve("run/" + component + ".pid")));
        }
    }

    private static long rssMiB(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).strip();
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    @Override
    public void close() {
        launcher.stop();
    }
}
