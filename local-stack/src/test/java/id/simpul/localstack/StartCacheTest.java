package id.simpul.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/** The start cache only ever makes a start faster: whatever fails, the service starts from its own jar, as before. */
class StartCacheTest {

    private static final String CACHE = Runtime.version().feature() >= 25 ? "app.aot" : "app.jsa";

    private static final List<String> OPTIONS = List.of("-Xmx256m");

    @TempDir
    Path target;

    @Test
    void aJarThatCannotBeExtractedIsLaunchedAsItIsWithoutACache() throws IOException {
        Path jar = plainJar(target.resolve("svc-1.0-exec.jar"));
        StartCache cache = new StartCache(jar, OPTIONS);

        assertThat(cache.launchJar()).isEqualTo(jar);
        assertThat(cache.options()).isEmpty();
        assertThat(cache.train(List.of(), Map.of(), target.resolve("logs/svc.log"), Duration.ofSeconds(30)))
                .isFalse();
        assertThat(cache.present()).isFalse();
    }

    @Test
    void aCacheLeftFromAnEarlierBuildIsDroppedWithItsExtraction() throws IOException {
        Path jar = plainJar(target.resolve("svc-1.0-exec.jar"));
        Path dir = Files.createDirectories(target.resolve("start-cache"));
        Files.writeString(dir.resolve("extracted-from"), "svc-1.0-exec.jar 1 1");
        Files.copy(jar, dir.resolve("svc-1.0-exec.jar"));
        Files.writeString(dir.resolve(CACHE), "from the build before");
        Files.writeString(dir.resolve("trained-with"), "-Xmx256m");
        StartCache cache = new StartCache(jar, OPTIONS);
        assertThat(cache.options()).as("the stale cache before the jar is looked at").isNotEmpty();

        List<String> launch = cache.launch();

        assertThat(launch).as("no cache named for the new jar").containsExactly("-Xmx256m", "-jar", jar.toString());
        assertThat(cache.present()).as("the stamp names another build: its cache is gone").isFalse();
        assertThat(cache.options()).isEmpty();
    }

    @Test
    void aCacheMadeWithOtherJvmOptionsIsUsedOnlyWithThoseOptions() throws IOException {
        Path jar = plainJar(target.resolve("svc-1.0-exec.jar"));
        Path dir = Files.createDirectories(target.resolve("start-cache"));
        Files.writeString(dir.resolve(CACHE), "made under G1 with a 1 GiB heap");
        Files.writeString(dir.resolve("trained-with"), "-Xmx1g -XX:+UseG1GC");

        StartCache cache = new StartCache(jar, List.of("-Xmx256m", "-XX:+UseSerialGC"));

        assertThat(cache.present()).isFalse();
        assertThat(cache.options()).isEmpty();
        assertThat(new StartCache(jar, List.of("-Xmx1g", "-XX:+UseG1GC")).options())
                .as("the options it was made with").hasSize(2).first().asString().endsWith(CACHE);
    }

    private static Path plainJar(Path path) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path), manifest)) {
            out.flush();
        }
        return path;
    }
}
