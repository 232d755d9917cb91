package id.simpul.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Kafka broker (KRaft) in a child JVM, with its data in {@code dataDir}. It can be stopped,
 * killed and started again on the same port and data, which is how tests take Kafka away from a service.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final List<String> jvmOptions;
    private final boolean exitWithParent;
    private JavaProcess process;

    public KafkaBroker(Path dataDir, int port, int controllerPort, List<String> jvmOptions, boolean exitWithParent) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = controllerPort == 0 ? freePort() : controllerPort;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.exitWithParent = exitWithParent;
    }

    /** A broker for tests: random ports, small heap, ends with the JVM that started it. */
    public static KafkaBroker forTests(Path dataDir) {
        return new KafkaBroker(dataDir, 0, 0, List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=simpul-broker-logback.xml",
                "-Dlog4j2.configurationFile=simpul-log4j2.xml"), true);
    }

    public synchronized KafkaBroker start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            process = launch(dataDir, port, controllerPort, jvmOptions, exitWithParent, false, log(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Kafka broker", e);
        }
        Readiness.await("Kafka broker on port " + port + " (log: " + log(dataDir) + ")", process, START_TIMEOUT,
                () -> Readiness.kafkaReady(bootstrapServers()));
        return this;
    }

    /** Starts the broker process without waiting for it; used by the launcher, which waits on its own terms. */
    static JavaProcess launch(Path dataDir, int port, int controllerPort, List<String> jvmOptions,
                              boolean exitWithParent, boolean detached, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(),
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort)));
        if (exitWithParent) {
            args.addAll(List.of("--exit-with-parent", String.valueOf(ProcessHandle.current().pid())));
        }
        return JavaProcess.start("kafka", jvmOptions,
                List.of("-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName()),
                args, Map.of(), log, detached);
    }

    private static Path log(Path dataDir) {
        return dataDir.resolve("broker.log");
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Graceful shutdown: the broker flushes and leaves its data for the next start. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** Kills the broker outright, as a crash or power loss would. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A TCP port free on this machine now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
