package id.simpul.systemtest;

import id.simpul.localstack.Launcher;
import id.simpul.localstack.LocalStackConfig;
import id.simpul.testinfra.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole system for the system tests, once per test JVM: the same launcher as {@code ./simpul start}, on random
 * ports and a temporary data folder, with the checkout's seed KIMs; stopped when the JVM ends.
 */
final class SimpulSystem {

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
