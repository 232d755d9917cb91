package id.simpul.systemtest;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.localstack.Launcher;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One KIM's way from {@code POST /api/kims} to the dashboard summary, with everything running as in production. */
class KimToDashboardIT {

    private static final int SEED_KIMS = 30;

    private static SimpulSystem system;
    private static Http registry;
    private static Http reporting;

    @BeforeAll
    static void startSystem() {
        system = SimpulSystem.get();
        registry = system.http("registry-service");
        reporting = system.http("reporting-service");
    }

    /** Each test starts when no event of an earlier one is still on its way, so it can count exactly. */
    @BeforeEach
    void settle() {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(700)).until(() -> {
            long now = total();
            boolean unchanged = now == last[0];
            last[0] = now;
            return unchanged && now >= SEED_KIMS;
        });
    }

    @Test
    void theSeedKimsAreRegisteredAndCounted() {
        String keraton = UUID.nameUUIDFromBytes("simpul-seed-kim:banjar-keraton".getBytes(StandardCharsets.UTF_8)).toString();

        Http.Response seed = registry.get("/api/kims/" + keraton);

        assertThat(seed.status()).isEqualTo(200);
        assertThat((String) seed.json("$.name")).isEqualTo("KIM Keraton Martapura");
        assertThat(total()).isGreaterThanOrEqualTo(SEED_KIMS);
    }

    @Test
    void aKimPostedToTheRegistryIsCountedInTheSummaryWithinSeconds() {
        long before = total();
        long submittedBefore = submitted();

        long started = System.nanoTime();
        Http.Response created = registry.postJson("/api/kims", kim("KIM Sungai Paring Peduli", "63.03.05.1005"));
        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> total() == before + 1);
        System.out.printf("KIM counted in the dashboard %d ms after POST /api/kims%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(submitted()).isEqualTo(submittedBefore + 1);
    }

    @Test
    void theReadmesExampleRegistersAKimThatIsCounted() throws IOException {
        String readme = Files.readString(system.config.root().resolve("README.md"));
        Matcher example = Pattern.compile("curl -i -X POST localhost:8081/api/kims .*? -d '(\\{.*?\\})'", Pattern.DOTALL)
                .matcher(readme);
        assertThat(example.find()).as("the README shows how to POST a KIM").isTrue();
        Matcher signIn = Pattern.compile("TOKEN=\\$\\((\\./simpul token [^)]+)\\)").matcher(readme);
        assertThat(signIn.find()).as("the README shows how to get a token").isTrue();
        long before = total();

        String token = run(signIn.group(1));
        Http.Response created = system.anonymous("registry-service").as(token).postJson("/api/kims", example.group(1));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> total() == before + 1);
    }

    @Test
    void theEventOnTheTopicCarriesCloudEventHeadersTheKimIdAsKeyAndMatchesItsSchema() {
        String id = registry.postJson("/api/kims", kim("KIM Kuala Tambangan", "63.01.01.2003")).json("$.id");

        ConsumerRecord<String, String> record = eventOf(id);

        assertThat(TopicRecords.header(record, "ce_type")).isEqualTo(EventTypes.KIM_REGISTERED);
        assertThat(TopicRecords.header(record, "ce_subject")).isEqualTo(id);
        assertThat(TopicRecords.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(EventSchemas.validate(EventTypes.KIM_REGISTERED, record.value())).isEmpty();
    }

    @Test
    void theSameEventDeliveredTwiceIsCountedOnce() {
        String id = registry.postJson("/api/kims", kim("KIM Tabanio Pesisir", "63.01.01.2002")).json("$.id");
        ConsumerRecord<String, String> record = eventOf(id);
        TopicRecords.awaitConsumed(system.kafka(), "simpul-reporting", Topics.KIMS, Duration.ofSeconds(30));
        long before = total();

        ProducerRecord<String, byte[]> again = new ProducerRecord<>(Topics.KIMS, null, record.key(),
                record.value().getBytes(StandardCharsets.UTF_8), record.headers());
        TopicRecords.send(system.kafka(), again);
        TopicRecords.send(system.kafka(), again);
        TopicRecords.awaitConsumed(system.kafka(), "simpul-reporting", Topics.KIMS, Duration.ofSeconds(30));

        assertThat(TopicRecords.read(system.kafka(), Topics.KIMS, r -> id.equals(r.key()), 3, Duration.ofSeconds(10)))
                .as("the event is on the topic three times").hasSize(3);
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void stoppingKafkaWhilePostingKimsLosesNothing() {
        long before = total();
        List<String> ids = new ArrayList<>();
        system.launcher.stop(Launcher.KAFKA);
        try {
            for (int i = 0; i < 20; i++) {
                Http.Response created = registry.postJson("/api/kims", kim("KIM Saat Gangguan " + i, "63.03.06.2001"));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                ids.add(created.json("$.id"));
            }
            assertThat(total()).as("nothing reaches reporting while Kafka is down").isEqualTo(before);
        } finally {
            system.launcher.start(Launcher.KAFKA);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> total() == before + 20);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> total() == before + 20);
        assertThat(TopicRecords.read(system.kafka(), Topics.KIMS, r -> ids.contains(r.key()), 20, Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void kimsStoredJustBeforeTheRegistryCrashedReachTheDashboardAfterItRestarts() {
        long before = total();
        system.launcher.stop(Launcher.KAFKA);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(registry.postJson("/api/kims", kim("KIM Sebelum Crash " + i, "63.03.06.2002")).status()).isEqualTo(201);
            }
            system.launcher.kill("registry-service");
        } finally {
            system.launcher.start(Launcher.KAFKA);
        }
        assertThat(total()).isEqualTo(before);

        system.launcher.start("registry-service");

        await().atMost(Duration.ofSeconds(90)).until(() -> total() == before + 5);
        // The restart loaded the seed file again without adding anything.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> total() == before + 5);
    }

    /** A KIM that meets the sample rules everywhere (Kabupaten Banjar asks for its SK and 15 members). */
    private static String kim(String name, String villageCode) {
        return """
                {"name": "%s", "villageCode": "%s", "memberCount": 20,
                 "decree": {"number": "5/SK/2022", "date": "2022-05-05", "issuer": "Kepala Desa"}}""".formatted(name, villageCode);
    }

    private static ConsumerRecord<String, String> eventOf(String kimId) {
        return TopicRecords.read(system.kafka(), Topics.KIMS, r -> kimId.equals(r.key()), 1, Duration.ofSeconds(30))
                .getFirst();
    }

    private static long total() {
        return ((Number) reporting.get("/api/dashboard/summary").json("$.kims.total")).longValue();
    }

    private static long submitted() {
        return ((Number) reporting.get("/api/dashboard/summary").json("$.kims.byStatus.SUBMITTED")).longValue();
    }

    /** Runs a README command from the checkout against this system (its identity-service port): its output. */
    private static String run(String command) throws IOException {
        ProcessBuilder process = new ProcessBuilder("bash", "-c", command).directory(system.config.root().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        process.environment().put("SIMPUL_IDENTITY_PORT", String.valueOf(system.config.port("identity-service")));
        Process started = process.start();
        String out = new String(started.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        try {
            assertThat(started.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).as(command).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(started.exitValue()).as(command + ": " + out).isZero();
        assertThat(out).as(command).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        return out;
    }
}
