package id.simpul.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A child JVM of the local stack, run with the current JDK, its output appended to a log file. Each is marked with
 * {@code -Dsimpul.component=<name>} so that a pid read back from a file is only trusted when it is still ours.
 */
public final class JavaProcess {

    private static final String MARKER = "-Dsimpul.component=";

    private final String component;
    private final ProcessHandle handle;

    private JavaProcess(String component, ProcessHandle handle) {
        this.component = component;
        this.handle = handle;
    }

    /**
     * Starts {@code java <jvmOptions> <launch...> <args...>}. {@code launch} is either {@code -cp CP MainClass} or
     * {@code -jar JAR}. With {@code detached} the child gets its own session and outlives this process.
     */
    public static JavaProcess start(String component, List<String> jvmOptions, List<String> launch, List<String> args,
                                    Map<String, String> env, Path log, boolean detached) throws IOException {
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(javaExecutable());
        command.add(MARKER + component);
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Two malloc arenas instead of eight per core: a JVM's native allocations come from many threads, and each
        // arena holds on to what it once had.
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        Process process = builder.start();
        return new JavaProcess(component, process.toHandle());
    }

    /** The process with this pid, if it is alive and was started as {@code component}. */
    public static Optional<JavaProcess> find(String component, long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(MARKER + component + " ")).orElse(false))
                .map(h -> new JavaProcess(component, h));
    }

    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public long pid() {
        return handle.pid();
    }

    public String component() {
        return component;
    }

    /** The command line the process runs, as the operating system reports it (empty when it does not say). */
    public String commandLine() {
        return handle.info().commandLine().orElse("");
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** Asks the process to stop (SIGTERM, running its shutdown hooks); kills it if it has not ended in time. */
    public boolean stop(Duration grace) {
        if (!handle.isAlive()) {
            return true;
        }
        handle.destroy();
        if (awaitExit(grace)) {
            return true;
        }
        handle.destroyForcibly();
        return awaitExit(Duration.ofSeconds(10));
    }

    /** Ends the process at once (SIGKILL), as a crash would. */
    public void kill() {
        handle.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    private boolean awaitExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
