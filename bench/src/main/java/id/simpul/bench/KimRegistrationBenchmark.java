package id.simpul.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Registers KIMs one request at a time ({@code POST /api/kims}, as the ministry admin) from a number of concurrent
 * connections: each a new KIM in a real village, meeting the sample regional rules (SK, 20 members), its name unique
 * in its village. Each request stores the KIM with its event; the relay publishes it.
 */
final class KimRegistrationBenchmark {

    /** Registrations sent singly before measuring, so that the JIT has compiled the path. */
    private static final int WARM_UP = 50;

    /** Registrations per second and latency from {@code connections} concurrent clients. */
    record Registered(int connections, int requests, Load.Result result) {
    }

    private KimRegistrationBenchmark() {
    }

    static Registered run(BenchSystem system, int connections, int requests) throws Exception {
        URI uri = URI.create(system.url("registry-service") + "/api/kims");
        List<String> villages = villages(system.root());
        String run = UUID.randomUUID().toString().substring(0, 6);
        Random random = new Random(connections);
        List<String> chosen = random.ints(WARM_UP + requests, 0, villages.size()).mapToObj(villages::get).toList();
        String bearer = BenchSystem.bearer();
        java.util.function.IntFunction<HttpRequest> register = i -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "KIM Daftar %s %d-%d", "villageCode": "%s", "memberCount": 20,
                         "decree": {"number": "%d/SK/2024", "date": "2024-03-01", "issuer": "Kepala Desa"},
                         "focusAreas": ["HEALTH", "UMKM"],
                         "mediaChannels": [{"type": "INSTAGRAM", "address": "@kim.daftar%d", "followers": 120}]}"""
                        .formatted(run, connections, i, chosen.get(i), i, i))).build();
        Load.run(WARM_UP, 1, i -> register.apply(requests + i), 201, null);
        Load.Result result = Load.run(requests, connections, register, 201, null);
        System.out.printf("POST /api/kims, %,d registrations from %d connections: %,.0f req/s; %s; answers %s%n", requests,
                connections, result.perSecond(), result.latencies().summary(), result.statuses());
        if (result.firstUnexpected() != null) {
            System.out.println("  first unexpected answer: " + result.firstUnexpected());
        }
        return new Registered(connections, requests, result);
    }

    static List<String> villages(Path root) throws java.io.IOException {
        return Files.readAllLines(root.resolve("seeds/regions/villages.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
    }
}
