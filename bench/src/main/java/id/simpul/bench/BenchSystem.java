package id.simpul.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.simpul.localstack.Launcher;
import id.simpul.localstack.LocalStackConfig;
import id.simpul.localstack.SignIn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Simpul system of a benchmark's own, started as ./simpul does (H2-backed Mongo-wire server, real Kafka, the three
 * service jars) on random ports and temporary data, with what every benchmark reads of it.
 */
final class BenchSystem implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final List<String> PROCESSES = List.of(Launcher.MONGO, Launcher.KAFKA, LocalStackConfig.IDENTITY, "registry-service",
            "training-service", "reporting-service", LocalStackConfig.WEB);
    /** Spring Boot's own line once a service has started: its start-up, and the JVM's age then. */
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    /** The launcher's line once a component answers its readiness check. */
    private static final Pattern READY = Pattern.compile("^(\\S+)\\s+ready$");

    final LocalStackConfig config;
    private final Launcher launcher;
    /** When the launcher said each component was ready. */
    private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
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
        PrintStream out = System.out;
        System.setOut(new PrintStream(new LineWatch(out, line -> {
            Matcher ready = READY.matcher(line.strip());
            if (ready.matches()) {
                system.readyAt.put(ready.group(1), Instant.now());
            }
        }), true, StandardCharsets.UTF_8));
        try {
            system.launcher.start();
        } finally {
            System.setOut(out);
        }
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
        printMemory("at the end");
    }

    /** Prints the resident memory of every process (VmRSS of /proc/PID/status) and their sum; returns them in MiB. */
    Map<String, Long> printMemory(String when) {
        Map<String, Long> rss = new LinkedHashMap<>();
        PROCESSES.forEach(component -> rss.put(component, pid(component).map(BenchSystem::rssMiB).orElse(-1L)));
        System.out.println("Resident memory (RSS) " + when + ":");
        rss.forEach((component, mib) -> System.out.printf("  %-18s %6d MiB%n", component, mib));
        System.out.printf("  %-18s %6d MiB%n", "all", rss.values().stream().mapToLong(Long::longValue).sum());
        return rss;
    }

    private Optional<Long> pid(String component) {
        try {
            return Optional.of(Long.parseLong(Files.readString(config.dataDir().resolve("run/" + component + ".pid")).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long rssMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * How long a component took from its JVM's start to ready: as the launcher saw it (it polls four times a second)
     * and, for a Spring Boot service, as its log says ("Started … (process running for X)"); NaN where unknown.
     */
    record Startup(String component, double readySeconds, double springStartedSeconds) {
    }

    List<Startup> startups() {
        return PROCESSES.stream().map(component -> {
            double ready = pid(component).flatMap(ProcessHandle::of).flatMap(h -> h.info().startInstant())
                    .filter(started -> readyAt.containsKey(component))
                    .map(started -> Duration.between(started, readyAt.get(component)).toMillis() / 1000.0).orElse(Double.NaN);
            return new Startup(component, ready, springStarted(launcher.log(component)));
        }).toList();
    }

    /**
     * Stops one service and starts it again alone, the rest of the system idling: the goal's start-up (from its JVM's
     * start to ready, as the launcher's check saw it, and Spring Boot's own "process running for" of this start).
     */
    Startup restartAlone(String component) {
        launcher.stop(component);
        launcher.start(component);
        Instant ready = Instant.now();
        double seconds = pid(component).flatMap(ProcessHandle::of).flatMap(h -> h.info().startInstant())
                .map(started -> Duration.between(started, ready).toMillis() / 1000.0).orElse(Double.NaN);
        return new Startup(component, seconds, lastSpringStarted(launcher.log(component)));
    }

    private static double lastSpringStarted(Path log) {
        try (var lines = Files.lines(log)) {
            return lines.map(STARTED::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(2)))
                    .reduce((first, second) -> second).orElse(Double.NaN);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Double.NaN;
        }
    }

    private static double springStarted(Path log) {
        try (var lines = Files.lines(log)) {
            return lines.map(STARTED::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(2))).findFirst()
                    .orElse(Double.NaN);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Double.NaN;
        }
    }

    /** Passes everything written on to {@code out} and each whole line to {@code lines}. */
    private static final class LineWatch extends OutputStream {
        private final OutputStream out;
        private final Consumer<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineWatch(OutputStream out, Consumer<String> lines) {
            this.out = out;
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
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
