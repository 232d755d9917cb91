package id.simpul.systemtest;

import id.simpul.localstack.Launcher;
import id.simpul.localstack.LocalStackConfig;
import id.simpul.testinfra.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The whole system for the system tests, once per test JVM: the same launcher as {@code ./simpul start}, on random
 * ports and a temporary data folder, with the checkout's seed data; stopped when the JVM ends. Tests get it once the
 * seed campaign is loaded and reporting-service shows all of it, so that what a test adds can be counted exactly.
 */
final class SimpulSystem {

    /** The seed campaign of training-service (SeedStuntingCampaign): its programme id and its final figures. */
    private static final String SEED_PROGRAMME =
            UUID.nameUUIDFromBytes("simpul-seed-training:programme".getBytes(StandardCharsets.UTF_8)).toString();
    private static final int SEED_TRAININGS = 2;
    private static final int SEED_ENROLLED = 7;
    private static final int SEED_OUTPUTS = 4;

    private static SimpulSystem instance;

    final LocalStackConfig config;
    final Launcher launcher;

    private SimpulSystem() {
        Path root = Path.of(System.getProperty("simpul.root", "..")).toAbsolutePath().normalize();
        try {
            config = LocalStackConfig.forTests(root, Files.createTempDirectory("simpul-system"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launcher = new Launcher(config);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "simpul-system-stop"));
        launcher.start();
        awaitSeedShown();
    }

    /**
     * training-service loads its seed campaign a few seconds after start (once it has heard of the seed KIMs); its
     * last figures are the Jayapura enrolment and the Martapura outputs, on different topics, so both are awaited.
     */
    private void awaitSeedShown() {
        Http reporting = http("reporting-service");
        String path = "/api/dashboard/programmes/" + SEED_PROGRAMME;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Http.Response programme = reporting.get(path);
            return programme.status() == 200
                    && programme.<List<?>>json("$.trainings").size() == SEED_TRAININGS
                    && ((Number) programme.json("$.participants.enrolled")).intValue() == SEED_ENROLLED
                    && ((Number) programme.json("$.outputs.count")).intValue() == SEED_OUTPUTS;
        });
    }

    static synchronized SimpulSystem get() {
        if (instance == null) {
            instance = new SimpulSystem();
        }
        return instance;
    }

    Http http(String service) {
        return Http.local(config.port(service));
    }

    String kafka() {
        return config.kafkaBootstrap();
    }
}
