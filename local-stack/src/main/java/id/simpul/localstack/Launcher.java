package id.simpul.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What {@code ./simpul start|stop|status} does: runs the whole system on the embedded infrastructure (a Kafka
 * broker and the Mongo-wire server with an H2 file), identity-service, the three services and the web front door, each a detached process with its pid
 * and log under the data folder, so that it keeps running after the command returns and keeps its data across a
 * stop and a start. System tests drive the same class, component by component.
 */
public final class Launcher {

    public static final String MONGO = "mongo";
    public static final String KAFKA = "kafka";

    private final LocalStackConfig config;

    public Launcher(LocalStackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "status" : args[0];
        Launcher launcher = new Launcher(LocalStackConfig.fromEnvironment(Path.of(System.getProperty("simpul.home", "."))));
        try {
            switch (command) {
                case "start" -> {
                    launcher.start();
                    launcher.printUrls();
                }
                case "stop" -> launcher.stop();
                case "status" -> launcher.status();
                case "check" -> {
                    ConsistencyCheck.Result result = ConsistencyCheck.of(launcher.config).run(5, Duration.ofSeconds(2));
                    System.out.print(ConsistencyCheck.describe(result, 20));
                    if (!result.consistent()) {
                        System.exit(1);
                    }
                }
                case "token" -> {
                    if (args.length < 2) {
                        throw new IllegalArgumentException("Name the user: ./simpul token kominfo.banjar (a demo user, or any "
                                + "user with SIMPUL_PASSWORD set)");
                    }
                    String password = System.getenv().getOrDefault("SIMPUL_PASSWORD", SignIn.DEMO_PASSWORD);
                    System.out.println(SignIn.accessToken(launcher.config.identityIssuer(), args[1], password));
                }
                default -> throw new IllegalArgumentException("Unknown command " + command + "; use start, stop, status, check or token");
            }
        } catch (RuntimeException e) {
            System.err.println("simpul " + command + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Starts whatever does not run yet: the infrastructure, then identity-service (the services will verify its
     * tokens), then the services, and waits until all are ready.
     */
    public void start() {
        createDirectories();
        startAll(infrastructure());
        startAll(List.of(identity()));
        List<Component> rest = new ArrayList<>(services());
        rest.add(web());
        startAll(rest);
        prepareStartCaches();
    }

    /**
     * Makes the start cache ({@link StartCache}) of each service that has none yet, with training runs beside the
     * running system, so that the next start of each service (a restart, {@link #startInstance}, the next
     * {@code ./simpul start}) takes seconds. Once per build of a service; {@code SIMPUL_START_CACHE=off} skips it.
     */
    private void prepareStartCaches() {
        if (!config.startCaches()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        missing.add(LocalStackConfig.IDENTITY);
        missing.addAll(config.services());
        missing.add(LocalStackConfig.WEB);
        missing.removeIf(name -> startCache(name).present());
        if (missing.isEmpty()) {
            return;
        }
        System.out.println("Preparing faster starts for " + String.join(", ", missing) + " (once per build)");
        missing.stream().map(name -> CompletableFuture.runAsync(() -> {
            boolean made = startCache(name).train(config.serviceWatchArgs(), config.serviceEnvironment(name), log(name),
                    Duration.ofSeconds(240));
            if (!made) {
                System.out.printf("%-17s no start cache (it starts as before; see %s)%n", name, log(name));
            }
        })).toList().forEach(CompletableFuture::join);
    }

    /** Stops everything: services first, so they stop consuming and relaying before the infrastructure goes. */
    public void stop() {
        stop(web());
        services().stream().map(c -> CompletableFuture.runAsync(() -> stop(c))).toList().forEach(CompletableFuture::join);
        stop(identity());
        infrastructure().reversed().forEach(this::stop);
    }

    public void status() {
        for (Component component : components()) {
            Optional<JavaProcess> process = running(component);
            String state = process.map(p -> "running (pid " + p.pid() + ", " + (component.ready().getAsBoolean() ? "ready" : "not ready") + ")")
                    .orElse("stopped");
            System.out.printf("%-17s %-8s %s%n", component.name(), ":" + component.port(), state);
        }
    }

    /** Starts one component (mongo, kafka or a service) if it does not run, and waits until it is ready. */
    public void start(String name) {
        startAll(List.of(component(name)));
    }

    /** Stops one component gracefully. */
    public void stop(String name) {
        stop(component(name));
    }

    /**
     * Starts one more instance of an event-driven service on {@code port}, beside the one {@link #start} started: same
     * store, same Kafka, same consumer group (so the instances share the topics' partitions). It logs to
     * {@code <data>/logs/<service>-<port>.log}; the caller stops it (it is not one of the components ./simpul stops).
     */
    public JavaProcess startInstance(String service, int port) {
        if (!config.services().contains(service)) {
            throw new IllegalArgumentException("No event-driven service " + service);
        }
        String name = service + "-" + port;
        List<String> args = new ArrayList<>(config.serviceWatchArgs());
        args.add("--server.port=" + port);
        try {
            JavaProcess process = JavaProcess.start(name, List.of(), serviceLaunch(service), args,
                    config.serviceEnvironment(service), log(name), false);
            Readiness.await(name, process, Duration.ofSeconds(180),
                    () -> Readiness.healthUp("http://localhost:" + port + "/actuator/health/readiness"));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Kills one component outright (SIGKILL), as a crash would. */
    public void kill(String name) {
        Component component = component(name);
        running(component).ifPresent(JavaProcess::kill);
        deletePid(component.name());
    }

    private void printUrls() {
        System.out.println();
        System.out.println("Simpul is running (data and logs in " + config.dataDir() + "):");
        System.out.printf("  Dashboard, map    %s/%n", config.webAddress());
        System.out.printf("  Workspace         %s/workspace  (sign in as a demo user below)%n", config.webAddress());
        System.out.printf("  Dashboard API     http://localhost:%d/api/dashboard/summary%n", config.port("reporting-service"));
        System.out.printf("  %-17s http://localhost:%d  (sign-in: /login, OpenID: /.well-known/openid-configuration, API docs: /swagger-ui.html)%n",
                LocalStackConfig.IDENTITY, config.port(LocalStackConfig.IDENTITY));
        for (String service : config.services()) {
            System.out.printf("  %-17s http://localhost:%d  (API docs: /swagger-ui.html, health: /actuator/health, /actuator/health/readiness)%n",
                    service, config.port(service));
        }
        System.out.printf("  Kafka             localhost:%d%n", config.kafkaPort());
        System.out.printf("  MongoDB           mongodb://localhost:%d%n", config.mongoPort());
        if (config.demoUsers()) {
            System.out.println("Demo users, one per role, all with the password " + SignIn.DEMO_PASSWORD
                    + " (created on the first start; SIMPUL_IDENTITY_DEMO_PASSWORD before it chooses another):");
            DEMO_USERS.forEach((user, what) -> System.out.printf("  %-18s %s%n", user, what));
            System.out.println("A token for curl: TOKEN=$(./simpul token kominfo.banjar); who may do what: docs/access.md.");
        }
        System.out.println("Stop with ./simpul stop; see what runs with ./simpul status.");
    }

    /** identity-service's demo users (its DemoUsers, checked by DemoUsersTest), as ./simpul start lists them. */
    public static final java.util.Map<String, String> DEMO_USERS = demoUsers();

    private static java.util.Map<String, String> demoUsers() {
        java.util.Map<String, String> users = new java.util.LinkedHashMap<>();
        users.put("admin@kemkomdigi", "MINISTRY_ADMIN, the whole country");
        users.put("kominfo.kalsel", "PROVINCE_OFFICER, 63 Kalimantan Selatan");
        users.put("kominfo.banjar", "REGENCY_OFFICER, 63.03 Kabupaten Banjar");
        users.put("pm.stunting", "PROGRAMME_MANAGER, the whole country");
        users.put("dinkes.banjar", "PARTNER, 63.03, the seed's Dinas Kesehatan Kabupaten Banjar");
        users.put("kim.sungaiparing", "KIM_OFFICER, 63.03.05.1005, the seed's KIM Sungai Paring");
        users.put("viewer", "VIEWER, the whole country");
        users.put("operator", "OPERATOR, the whole country");
        return java.util.Collections.unmodifiableMap(users);
    }

    private interface Launch {
        JavaProcess start() throws IOException;
    }

    private record Component(String name, int port, Launch launch, BooleanSupplier ready, Duration timeout) {
    }

    private Component component(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + name));
    }

    private List<Component> infrastructure() {
        return List.of(mongo(), kafka());
    }

    private List<Component> services() {
        return config.services().stream().map(this::service).toList();
    }

    private Component identity() {
        return service(LocalStackConfig.IDENTITY);
    }

    private Component web() {
        return service(LocalStackConfig.WEB);
    }

    private List<Component> components() {
        List<Component> all = new ArrayList<>(infrastructure());
        all.add(identity());
        all.addAll(services());
        all.add(web());
        return all;
    }

    private Component mongo() {
        int port = config.mongoPort();
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port),
                "--file", config.dataDir().resolve("mongo/simpul.mv").toString(),
                "--cache-mb", String.valueOf(config.mongoCacheMegabytes())));
        args.addAll(config.infrastructureWatchArgs());
        return new Component(MONGO, port,
                () -> JavaProcess.start(MONGO, config.mongoJvmOptions(),
                        List.of("-cp", config.localStackClassPath(), MongoWireMain.class.getName()), args, java.util.Map.of(),
                        log(MONGO), config.detached()),
                () -> Readiness.tcpOpen("localhost", port), Duration.ofSeconds(60));
    }

    private Component kafka() {
        int port = config.kafkaPort();
        return new Component(KAFKA, port,
                () -> KafkaBroker.launch(config.dataDir().resolve("kafka"), port, config.kafkaControllerPort(),
                        List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=simpul-log4j2.xml",
                                "-Dlogback.configurationFile=simpul-broker-logback.xml"),
                        config.exitWithParent(), config.detached(), log(KAFKA)),
                () -> Readiness.kafkaReady(config.kafkaBootstrap()), Duration.ofSeconds(90));
    }

    private Component service(String name) {
        int port = config.port(name);
        return new Component(name, port,
                () -> JavaProcess.start(name, List.of(), serviceLaunch(name), config.serviceWatchArgs(),
                        config.serviceEnvironment(name), log(name), config.detached()),
                // Ready: the service and its store; Kafka may be away (its outbox keeps the events).
                () -> Readiness.healthUp("http://localhost:" + port + "/actuator/health/readiness"), Duration.ofSeconds(180));
    }

    /** How a service is launched: from its start cache ({@link StartCache#launch}), or from its jar as built. */
    private List<String> serviceLaunch(String name) {
        if (config.startCaches()) {
            return startCache(name).launch();
        }
        List<String> command = new ArrayList<>(config.serviceJvmOptions());
        command.addAll(List.of("-jar", config.serviceJar(name).toString()));
        return command;
    }

    private StartCache startCache(String name) {
        return new StartCache(config.serviceJar(name), config.serviceJvmOptions());
    }

    /** Starts the components that do not run yet, at once, then waits until each is ready. */
    private void startAll(List<Component> components) {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Component component : components) {
            Optional<JavaProcess> existing = running(component);
            if (existing.isPresent()) {
                System.out.printf("%-17s already running (pid %d)%n", component.name(), existing.get().pid());
                continue;
            }
            if (Readiness.tcpOpen("localhost", component.port())) {
                throw new IllegalStateException("port " + component.port() + " for " + component.name()
                        + " is taken by another program; stop it or choose another port (README: Configuration)");
            }
            System.out.printf("%-17s starting on port %d%n", component.name(), component.port());
            JavaProcess process = launch(component);
            waits.add(CompletableFuture.runAsync(() -> {
                try {
                    Readiness.await(component.name(), process, component.timeout(), component.ready());
                    System.out.printf("%-17s ready%n", component.name());
                } catch (RuntimeException e) {
                    throw new IllegalStateException(e.getMessage() + "; last lines of " + log(component.name()) + ":\n"
                            + tail(log(component.name()), 25), e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + "\nRun ./simpul stop to stop what did start.", e);
        }
    }

    private JavaProcess launch(Component component) {
        try {
            JavaProcess process = component.launch().start();
            Files.writeString(pidFile(component.name()), process.pid() + "\n");
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + component.name(), e);
        }
    }

    private void stop(Component component) {
        Optional<JavaProcess> process = running(component);
        if (process.isEmpty()) {
            System.out.printf("%-17s not running%n", component.name());
        } else {
            boolean ended = process.get().stop(Duration.ofSeconds(45));
            System.out.printf("%-17s %s%n", component.name(), ended ? "stopped" : "did not stop (pid " + process.get().pid() + ")");
        }
        deletePid(component.name());
    }

    private Optional<JavaProcess> running(Component component) {
        Path pidFile = pidFile(component.name());
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return JavaProcess.find(component.name(), Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void deletePid(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pidFile(String name) {
        return config.dataDir().resolve("run").resolve(name + ".pid");
    }

    /** The log file of a component, {@code <data>/logs/<name>.log}. */
    public Path log(String name) {
        return config.dataDir().resolve("logs").resolve(name + ".log");
    }

    private void createDirectories() {
        try {
            for (String dir : List.of("run", "logs", "kafka", "mongo")) {
                Files.createDirectories(config.dataDir().resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file)) {
            List<String> list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }
}
