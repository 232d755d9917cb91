package id.simpul.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static id.simpul.bench.BenchSystem.JSON;

/**
 * Lists KIMs by region ({@code GET /api/kims?region=}, the first page, as the ministry admin) at every level of one
 * region's branch (province, regency, district, village) and for the whole country, from a few concurrent clients.
 */
final class KimListBenchmark {

    private static final int REQUESTS = 100;
    private static final int CLIENTS = 4;
    private static final int WARM_UP = 5;

    /** The latency of listing one region's KIMs, and how many KIMs it holds. */
    record Listed(String level, String region, long kims, Load.Result result) {
    }

    private KimListBenchmark() {
    }

    /** Lists the KIMs of {@code village}'s province, regency, district and village itself, and of the whole country. */
    static List<Listed> run(BenchSystem system, String village) throws Exception {
        String[] parts = village.split("\\.");
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("country", "");
        levels.put("province", parts[0]);
        levels.put("regency", parts[0] + "." + parts[1]);
        levels.put("district", parts[0] + "." + parts[1] + "." + parts[2]);
        levels.put("village", village);
        String bearer = BenchSystem.bearer();
        System.out.printf("GET /api/kims?region= (the first page), %d requests per level from %d concurrent clients "
                + "(after %d to warm up):%n", REQUESTS, CLIENTS, WARM_UP);
        System.out.printf("  %-9s %-14s %9s %7s %7s %7s %7s %8s%n", "level", "region", "KIMs", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "req/s");
        List<Listed> listed = new ArrayList<>();
        for (Map.Entry<String, String> level : levels.entrySet()) {
            URI uri = URI.create(system.url("registry-service") + "/api/kims"
                    + (level.getValue().isEmpty() ? "" : "?region=" + level.getValue()));
            HttpRequest get = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", bearer).build();
            long kims = JSON.readTree(BenchSystem.get(uri.toString())).path("totalItems").asLong();
            Load.run(WARM_UP, 1, i -> get, 200, null);
            Load.Result result = Load.run(REQUESTS, CLIENTS, i -> get, 200, null);
            if (result.firstUnexpected() != null) {
                throw new IllegalStateException(result.firstUnexpected());
            }
            Latencies l = result.latencies();
            System.out.printf("  %-9s %-14s %,9d %7.1f %7.1f %7.1f %7.1f %8.0f%n", level.getKey(),
                    level.getValue().isEmpty() ? "(none)" : level.getValue(), kims, l.ms(50), l.ms(95), l.ms(99), l.ms(100),
                    result.perSecond());
            listed.add(new Listed(level.getKey(), level.getValue(), kims, result));
        }
        return listed;
    }
}
