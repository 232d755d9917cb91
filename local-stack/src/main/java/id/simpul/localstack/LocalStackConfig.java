package id.simpul.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ports, folders and jars of the local stack, from the environment (the names the README lists), with defaults.
 *
 * @param root the checkout
 */
public record LocalStackConfig(Path root, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                               Map<String, Integer> servicePorts, String seedKims, boolean forTests) {

    static final List<String> SERVICES = List.of("registry-service", "training-service", "reporting-service");
    /** The OpenID Connect provider: started before the services, not one of the event-driven services. */
    public static final String IDENTITY = "identity-service";
    /** The front door people open: the dashboard, the sign-in and the workspace; it owns no data. */
    public static final String WEB = "web";

    /**
     * The services' JVM options when {@code SIMPUL_SERVICE_JAVA_OPTS} does not say: a heap that starts small and
     * gives back what it no longer needs, up to 1 GiB (registry-service importing 100,000 rows beside 20,000 KIMs
     * ran out of 512 MiB), and a JVM that ends on running out of heap rather than running on with a thread lost.
     */
    public static final String SERVICE_JAVA_OPTS =
            "-Xms64m -Xmx1g -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError";

    public static LocalStackConfig fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path data = Path.of(env.getOrDefault("SIMPUL_DATA", absoluteRoot.resolve("data").toString())).toAbsolutePath();
        Path seeds = absoluteRoot.resolve("seeds/kims.json");
        return new LocalStackConfig(absoluteRoot, data,
                port(env, "KAFKA_PORT", 9092), port(env, "KAFKA_CONTROLLER_PORT", 9093), port(env, "MONGO_PORT", 27017),
                Map.of("registry-service", port(env, "REGISTRY_PORT", 8081),
                        "training-service", port(env, "TRAINING_PORT", 8082),
                        "reporting-service", port(env, "REPORTING_PORT", 8084),
                        IDENTITY, port(env, "SIMPUL_IDENTITY_PORT", 8083),
                        WEB, port(env, "SIMPUL_WEB_PORT", 8080)),
                env.getOrDefault("SIMPUL_SEED_KIMS", Files.exists(seeds) ? "file:" + seeds : ""), false);
    }

    /**
     * The stack for a system test: random free ports, data in {@code dataDir}, processes that end with the test JVM
     * (not detached), and the checkout's seed KIMs.
     */
    public static LocalStackConfig forTests(Path root, Path dataDir) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        return new LocalStackConfig(absoluteRoot, dataDir.toAbsolutePath(),
                KafkaBroker.freePort(), KafkaBroker.freePort(), KafkaBroker.freePort(),
                Map.of("registry-service", KafkaBroker.freePort(),
                        "training-service", KafkaBroker.freePort(),
                        "reporting-service", KafkaBroker.freePort(),
                        IDENTITY, KafkaBroker.freePort(),
                        WEB, KafkaBroker.freePort()),
                "file:" + absoluteRoot.resolve("seeds/kims.json"), true);
    }

    /** Processes started for tests end when the test JVM does; those of ./simpul outlive the command. */
    boolean exitWithParent() {
        return forTests;
    }

    boolean detached() {
        return !forTests;
    }

    /** Arguments that make a local-stack process (broker, Mongo-wire server) end with this one, for tests. */
    List<String> infrastructureWatchArgs() {
        return forTests ? List.of("--exit-with-parent", String.valueOf(ProcessHandle.current().pid())) : List.of();
    }

    /** The property that makes a service end with this process, for tests (see the platform's ParentProcessWatch). */
    List<String> serviceWatchArgs() {
        return forTests ? List.of("--simpul.exit-with-parent=" + ProcessHandle.current().pid()) : List.of();
    }
    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
        }
    }

    /** The event-driven services (each with its store, topics and views), started together once identity is ready. */
    public List<String> services() {
        return SERVICES;
    }

    /** Where identity-service issues tokens: its own address, unless {@code SIMPUL_IDENTITY_ISSUER} says otherwise. */
    public String identityIssuer() {
        return System.getenv().getOrDefault("SIMPUL_IDENTITY_ISSUER", "http://localhost:" + port(IDENTITY));
    }

    /** Where people open Simpul: the web service. */
    public String webAddress() {
        return "http://localhost:" + port(WEB);
    }

    /** Whether identity-service creates its demo users: with the seed data, as ./simpul start loads it. */
    public boolean demoUsers() {
        return !seedKims.isBlank();
    }

    public int port(String service) {
        return servicePorts.get(service);
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    /**
     * What a service process is told: where Kafka and MongoDB are, its port, whose tokens it takes (identity-service's),
     * and the seeds: registry the seed KIMs,
     * training the stunting campaign, identity its demo users (with the seeds, as {@code ./simpul start} loads them).
     */
    public Map<String, String> serviceEnvironment(String service) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("MONGODB_URI", mongoUri());
        env.put("REGISTRY_PORT", String.valueOf(port("registry-service")));
        env.put("TRAINING_PORT", String.valueOf(port("training-service")));
        env.put("REPORTING_PORT", String.valueOf(port("reporting-service")));
        env.put("SIMPUL_IDENTITY_PORT", String.valueOf(port(IDENTITY)));
        env.put("SIMPUL_WEB_PORT", String.valueOf(port(WEB)));
        if (!service.equals(IDENTITY)) {
            // The services take bearer tokens of identity-service (and record their callers as actors).
            env.put("SIMPUL_ISSUER_URI", identityIssuer());
        }
        if (service.equals("registry-service")) {
            env.put("SIMPUL_SEED_KIMS", seedKims);
        }
        if (service.equals("training-service")) {
            env.put("SIMPUL_SEED_TRAINING", String.valueOf(!seedKims.isBlank()));
        }
        if (service.equals(IDENTITY)) {
            env.put("SIMPUL_IDENTITY_DEMO_USERS", String.valueOf(demoUsers()));
            env.put("SIMPUL_IDENTITY_ISSUER", identityIssuer());
            // The web service's addresses, registered with its client.
            env.put("SIMPUL_WEB_REDIRECT_URI", webAddress() + "/login/oauth2/code/simpul");
            env.put("SIMPUL_WEB_SIGNED_OUT_URI", webAddress() + "/");
        }
        return env;
    }

    /** The runnable jar of a service, {@code <service>/target/<service>-<version>-exec.jar}. */
    public Path serviceJar(String service) {
        Path target = root.resolve(service).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().startsWith(service + "-")
                            && f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No runnable jar in " + target + "; build with ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether services start from their start cache ({@code StartCache}); {@code SIMPUL_START_CACHE=off} says no. */
    public boolean startCaches() {
        return !"off".equalsIgnoreCase(System.getenv().getOrDefault("SIMPUL_START_CACHE", "on").strip());
    }

    /**
     * JVM options of each service process: {@code SIMPUL_SERVICE_JAVA_OPTS}. By default a heap that starts at 64 MiB,
     * grows to at most 512 MiB and gives back what it does not need, under the serial collector: a service's live
     * heap is 30-90 MiB idle, and the JVM's default (a first heap of 1/64 of the machine's memory, under G1) kept a
     * young generation of 128 MiB in every service, touched through and through, for seven processes on two cores.
     */
    public List<String> serviceJvmOptions() {
        return options("SIMPUL_SERVICE_JAVA_OPTS", SERVICE_JAVA_OPTS);
    }

    /**
     * JVM options of the Mongo-wire server: {@code SIMPUL_MONGO_JAVA_OPTS}, by default a 1 GiB heap, which keeps
     * some 100,000 KIMs with their indexes without the collector running all the time.
     */
    public List<String> mongoJvmOptions() {
        List<String> options = new java.util.ArrayList<>(options("SIMPUL_MONGO_JAVA_OPTS", "-Xmx1g"));
        options.add("-Dlog4j2.configurationFile=simpul-log4j2.xml");
        return options;
    }

    /**
     * The Mongo-wire server's page cache in MiB: {@code SIMPUL_MONGO_CACHE_MB}, by default
     * {@value MongoWireMain#CACHE_MB}. It fills as pages are read, so an idle stack with the seed data uses little of it.
     */
    public int mongoCacheMegabytes() {
        String value = System.getenv().getOrDefault("SIMPUL_MONGO_CACHE_MB", String.valueOf(MongoWireMain.CACHE_MB)).strip();
        try {
            int megabytes = Integer.parseInt(value);
            if (megabytes > 0) {
                return megabytes;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException("SIMPUL_MONGO_CACHE_MB must be a whole number of MiB above 0, not '" + value + "'");
    }

    private static List<String> options(String variable, String fallback) {
        String options = System.getenv().getOrDefault(variable, fallback);
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    /** The class path the launcher itself runs with: the local-stack jar and its libraries. */
    public String localStackClassPath() {
        return System.getProperty("java.class.path");
    }
}
