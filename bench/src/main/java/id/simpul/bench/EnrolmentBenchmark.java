package id.simpul.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static id.simpul.bench.BenchSystem.HTTP;
import static id.simpul.bench.BenchSystem.JSON;

/**
 * Enrolments sent all at once into one training of training-service: a programme over the province of the KIMs
 * (Kalimantan Selatan, 63), a training in Kecamatan Martapura with fewer seats than requests, then every enrolment
 * request at the same moment, each from its own connection. A training's enrolments are changed one at a time, so
 * this measures the queue behind that, and checks that exactly the seats were given and the rest wait.
 */
final class EnrolmentBenchmark {

    static final String PROVINCE = "63";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    /** What the enrolments met: their answers, and how many took a seat and how many wait. */
    record Enrolled(int requests, int capacity, Load.Result result, Map<String, Integer> byStatus) {
    }

    private EnrolmentBenchmark() {
    }

    /** Enrols {@code requests} participants of {@code kims} (VERIFIED or ACTIVE, in province 63), taking turns. */
    static Enrolled run(BenchSystem system, List<String> kims, int requests, int capacity) throws Exception {
        String training = system.url("training-service");
        String programme = created(post(training + "/api/programmes", """
                {"title": "Bench: pendaftaran serentak %s", "theme": "STUNTING",
                 "organiser": {"level": "MINISTRY", "name": "Komdigi"},
                 "period": {"start": "2020-01-01", "end": "%s"}, "targetRegions": ["%s"],
                 "targets": {"trainings": 1, "kimsTrained": %d, "outputs": 1, "peopleReached": 1000}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), LocalDate.now().plusYears(3), PROVINCE, requests)));
        LocalDateTime start = LocalDateTime.now(WITA).plusDays(30).truncatedTo(ChronoUnit.HOURS);
        String session = created(post(training + "/api/trainings", """
                {"programmeId": "%s", "title": "Pembekalan KIM serentak", "topic": "Gizi 1000 hari pertama kehidupan",
                 "mode": "IN_PERSON", "venue": {"regionCode": "63.03.05", "address": "Aula Kecamatan Martapura"},
                 "start": "%s", "end": "%s", "capacity": %d}""".formatted(programme, start, start.plusHours(4), capacity)));
        HttpResponse<String> scheduled = post(training + "/api/trainings/" + session + "/status", "{\"status\": \"SCHEDULED\"}");
        if (scheduled.statusCode() != 200) {
            throw new IllegalStateException("Scheduling the training answered " + scheduled.statusCode() + ": " + scheduled.body());
        }
        awaitKnown(training, kims.subList(0, Math.min(kims.size(), requests)));

        URI uri = URI.create(training + "/api/trainings/" + session + "/enrolments");
        String bearer = BenchSystem.bearer();
        Map<String, Integer> byStatus = new ConcurrentHashMap<>();
        Load.Result result = Load.run(requests, requests, i -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kimId\": \"%s\", \"participant\": {\"name\": \"Peserta %d\", "
                        .formatted(kims.get(i % kims.size()), i) + "\"role\": \"Pengurus\"}}")).build(), 201, answer -> {
            if (answer.statusCode() != 201) {
                byStatus.merge("HTTP " + answer.statusCode(), 1, Integer::sum);
                return;
            }
            try {
                byStatus.merge(JSON.readTree(answer.body()).path("status").asText("?"), 1, Integer::sum);
            } catch (java.io.IOException e) {
                byStatus.merge("unreadable", 1, Integer::sum);
            }
        });
        JsonNode after = JSON.readTree(BenchSystem.get(training + "/api/trainings/" + session));
        long seated = 0;
        long waiting = 0;
        for (JsonNode enrolment : after.path("enrolments")) {
            seated += enrolment.path("status").asText().equals("ENROLLED") ? 1 : 0;
            waiting += enrolment.path("status").asText().equals("WAITLISTED") ? 1 : 0;
        }
        System.out.printf("%d enrolments at once into a training of %d seats: all answered after %.1f s (%,.0f req/s); %s; "
                        + "answers %s, as enrolled %s; the training then holds %d seated, %d waiting%n", requests, capacity,
                requests / result.perSecond(), result.perSecond(), result.latencies().summary(), result.statuses(), byStatus,
                seated, waiting);
        if (result.firstUnexpected() != null) {
            System.out.println("  first unexpected answer: " + result.firstUnexpected());
        }
        return new Enrolled(requests, capacity, result, Map.copyOf(byStatus));
    }

    /** Waits until training-service has heard of every KIM from registry's events (404 until then). */
    private static void awaitKnown(String training, List<String> kims) throws Exception {
        long start = System.nanoTime();
        for (String kim : new java.util.LinkedHashSet<>(kims)) {
            while (HTTP.send(HttpRequest.newBuilder(URI.create(training + "/api/kims/" + kim + "/open-trainings?size=1"))
                    .header("Authorization", BenchSystem.bearer()).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (BenchSystem.seconds(start) > 120) {
                    throw new IllegalStateException("training-service has not heard of KIM " + kim + " after two minutes");
                }
                Thread.sleep(200);
            }
        }
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", BenchSystem.bearer()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String created(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }
}
