package id.simpul.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What makes a service start in seconds rather than half a minute on two cores: its jar extracted once (Spring
 * Boot's {@code -Djarmode=tools extract}) into {@code target/start-cache/}, so that the JVM can map a cache of the
 * classes a start loads and links: an AOT cache on JDK 25 and later ({@code -XX:AOTCache}, JEP 483/514), a dynamic
 * CDS archive before it ({@code -XX:SharedArchiveFile}). The cache is made by a training run
 * ({@link #train}: the service's context refreshed against the running store, then the JVM exits), and is thrown
 * away with the extraction whenever the jar is rebuilt, and not used when the service's JVM options differ from the
 * ones it was made with (a cache made under another collector or heap setting would be refused by the JVM anyway, in
 * silence). A missing or unusable cache only makes the start slower.
 */
final class StartCache {

    private static final String STAMP = "extracted-from";
    private static final String TRAINED_WITH = "trained-with";

    private final Path jar;
    private final Path dir;
    private final List<String> jvmOptions;

    /** The cache of {@code jar} for a service run with {@code jvmOptions}. */
    StartCache(Path jar, List<String> jvmOptions) {
        this.jar = jar;
        this.dir = jar.getParent().resolve("start-cache");
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The jar to launch: the extracted one (extracted now if the jar is newer than it), or the jar itself if that failed. */
    Path launchJar() {
        try {
            String stamp = jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
            Path extracted = dir.resolve(jar.getFileName());
            Path stampFile = dir.resolve(STAMP);
            if (!Files.exists(extracted) || !Files.exists(stampFile) || !Files.readString(stampFile).equals(stamp)) {
                delete(dir);
                Files.createDirectories(dir);
                Process extract = new ProcessBuilder(JavaProcess.javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(),
                        "extract", "--force", "--destination", dir.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("extract.log").toFile()).start();
                if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0 || !Files.exists(extracted)) {
                    extract.destroyForcibly();
                    return jar;
                }
                Files.writeString(stampFile, stamp);
            }
            return extracted;
        } catch (IOException e) {
            return jar;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return jar;
        }
    }

    /**
     * How to launch the service: its JVM options, the options that map the cache (if there is one for this build and
     * these options) and {@code -jar} with the jar to run. The jar is looked at first, so a cache of an earlier build is
     * dropped before it could be named.
     */
    List<String> launch() {
        Path launch = launchJar();
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(options());
        command.addAll(List.of("-jar", launch.toString()));
        return command;
    }

    /** The JVM options that use the cache, none while there is no cache. */
    List<String> options() {
        if (!present()) {
            return List.of();
        }
        return modern()
                ? List.of("-XX:AOTCache=" + cache(), "-Xlog:aot*=off")
                : List.of("-XX:SharedArchiveFile=" + cache(), "-Xlog:cds*=off");
    }

    /** Whether there is a cache made for this build with these JVM options. */
    boolean present() {
        try {
            return Files.isRegularFile(cache()) && Files.isRegularFile(dir.resolve(TRAINED_WITH))
                    && Files.readString(dir.resolve(TRAINED_WITH)).equals(String.join(" ", jvmOptions));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes the cache with a training run of the extracted jar: the service's context is refreshed (its store reached,
     * its indexes made, its beans built) and the JVM exits before it listens or consumes, writing the cache. Returns
     * whether the cache now exists; a failed run leaves none, and the service starts as before.
     */
    boolean train(List<String> args, Map<String, String> env, Path log, Duration timeout) {
        Path launch = launchJar();
        if (launch.equals(jar)) {
            return false;
        }
        List<String> command = new ArrayList<>();
        command.add(JavaProcess.javaExecutable());
        command.addAll(jvmOptions);
        if (modern()) {
            command.addAll(List.of("-XX:AOTCacheOutput=" + cache(), "-Xlog:aot*=off"));
        } else {
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + cache(), "-Xlog:cds*=off"));
        }
        command.add("-Dspring.context.exit=onRefresh");
        command.addAll(List.of("-jar", launch.toString()));
        command.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            // A run that failed or was cut short may have left half a cache.
            if (!ended || process.isAlive() || process.exitValue() != 0) {
                Files.deleteIfExists(cache());
            } else {
                Files.writeString(dir.resolve(TRAINED_WITH), String.join(" ", jvmOptions));
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return present();
    }

    private Path cache() {
        return dir.resolve(modern() ? "app.aot" : "app.jsa");
    }

    /** Whether this JDK makes AOT caches in one run (JDK 25 and later). */
    private static boolean modern() {
        return Runtime.version().feature() >= 25;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
