package id.simpul.systemtest;

import id.simpul.localstack.Launcher;
import id.simpul.localstack.LocalStackConfig;
import id.simpul.localstack.SignIn;
import id.simpul.testinfra.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<String, Token> tokens = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();

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
        // Signed in before any test stops a part of the system (the store stops sign-in too).
        token("admin@kemkomdigi");
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

    /** A client of {@code service} signed in as the ministry admin, who may do everything (docs/access.md). */
    Http http(String service) {
        return as("admin@kemkomdigi", service);
    }

    /** A client of {@code service} signed in as the demo user {@code user} (README), through identity-service. */
    Http as(String user, String service) {
        return anonymous(service).as(() -> token(user));
    }

    /** The password of the users {@link #createUser} creates. */
    static final String TEST_PASSWORD = "Kim-Officer-Test-2026!";

    /**
     * Creates a user in identity-service as the ministry admin does (POST /api/users), with {@link #TEST_PASSWORD}:
     * a KIM officer of a new KIM, or the person of a new partner.
     */
    void createUser(String username, String role, String regionScope, String partnerId, String kimId) {
        Http.Response created = http("identity-service").postJson("/api/users", String.format(
                "{\"username\": \"%s\", \"displayName\": \"%s\", \"password\": \"%s\", \"roles\": [\"%s\"], "
                        + "\"regionScope\": \"%s\"%s%s}", username, username, TEST_PASSWORD, role, regionScope,
                partnerId == null ? "" : ", \"partnerId\": \"" + partnerId + "\"",
                kimId == null ? "" : ", \"kimId\": \"" + kimId + "\""));
        if (created.status() != 201) {
            throw new AssertionError("Creating user " + username + " failed: " + created);
        }
        synchronized (this) {
            passwords.put(username, TEST_PASSWORD);
        }
    }

    Http anonymous(String service) {
        return Http.local(config.port(service));
    }

    /**
     * An access token of the demo user, signed in through identity-service's real authorization code + PKCE flow;
     * kept until it is close to its expiry (15 minutes).
     */
    synchronized String token(String user) {
        Token token = tokens.get(user);
        if (token == null || token.at().plus(Duration.ofMinutes(10)).isBefore(Instant.now())) {
            try {
                token = new Token(SignIn.accessToken(config.identityIssuer(), user, passwords.getOrDefault(user, SignIn.DEMO_PASSWORD)),
                        Instant.now());
                tokens.put(user, token);
            } catch (IllegalStateException identityAway) {
                // A test that stops the store stops identity-service's sign-in too: a token still valid does.
                if (token == null || token.at().plus(Duration.ofMinutes(14)).isBefore(Instant.now())) {
                    throw identityAway;
                }
            }
        }
        return token.value();
    }

    private record Token(String value, Instant at) {
    }

    String kafka() {
        return config.kafkaBootstrap();
    }
}
