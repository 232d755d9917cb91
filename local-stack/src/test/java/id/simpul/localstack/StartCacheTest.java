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

    @TempDir
    Path target;

    @Test
    void aJarThatCannotBeExtractedIsLaunchedAsItIsWithoutACache() throws IOException {
        Path jar = plainJar(target.resolve("svc-1.0-exec.jar"));
        StartCache cache = new StartCache(jar);

        assertThat(cache.launchJar()).isEqualTo(jar);
        assertThat(cache.options()).isEmpty();
        assertThat(cache.train(List.of(), List.of(), Map.of(), target.resolve("logs/svc.log"), Duration.ofSeconds(30)))
                .isFalse();
        assertThat(cache.present()).isFalse();
    }

    @Test
    void aCacheLeftFromAnEarlierBuildIsDroppedWithItsExtraction() throws IOException {
        Path jar = plainJar(target.resolve("svc-1.0-exec.jar"));
        Path dir = Files.createDirectories(target.resolve("start-cache"));
        Files.writeString(dir.resolve("extracted-from"), "svc-1.0-exec.jar 1 1");
        Files.copy(jar, dir.resolve("svc-1.0-exec.jar"));
        Files.writeString(dir.resolve(Runtime.version().feature() >= 25 ? "app.aot" : "app.jsa"), "from the build before");
        StartCache cache = new StartCache(jar);
        assertThat(cache.options()).as("the stale cache before the jar is looked at").isNotEmpty();

        List<String> launch = cache.launch();

        assertThat(launch).as("no cache named for the new jar").containsExactly("-jar", jar.toString());
        assertThat(cache.present()).as("the stamp names another build: its cache is gone").isFalse();
        assertThat(cache.options()).isEmpty();
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
