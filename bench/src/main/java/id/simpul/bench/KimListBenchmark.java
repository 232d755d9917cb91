package id.simpul.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.simpul.bench.BenchSystem.HTTP;
import static id.simpul.bench.BenchSystem.JSON;
import static id.simpul.bench.BenchSystem.get;
import static id.simpul.bench.BenchSystem.seconds;

/**
 * Imports KIMs (100,000 by default) all into one village of Kabupaten Banjar, so that its province, regency,
 * district and village each hold all of them, and prints how fast {@code GET /api/kims} answers a page there at
 * every level, by page and by cursor, sorted and filtered (p50, p99, requests per second from four clients).
 * The first answer of each case (cold) is printed too.
 *
 * <p>Run: {@code ./simpul bench kim-list [kims]}.
 */
public final class KimListBenchmark {

    private static final String VILLAGE = "63.03.05.1005";
    /** Requests per case, one after another and then from four clients ({@code -Dsimpul.bench.requests=}). */
    private static final int REQUESTS = Integer.getInteger("simpul.bench.requests", 200);
    private static final int CLIENTS = 4;

    public static void main(String[] args) throws Exception {
        int kims = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (BenchSystem system = BenchSystem.start()) {
            String registry = system.url("registry-service");
            load(registry, kims);
            String list = registry + "/api/kims?size=20";
            System.out.printf("%-44s %8s %8s %8s %9s %8s%n", "GET /api/kims?size=20&…", "total", "p50 ms", "p99 ms", "req/s", "first ms");
            for (String region : List.of("63", "63.03", "63.03.05", VILLAGE)) {
                measure(list + "&region=" + region);
            }
            measure(list + "&region=63&page=200");
            measure(list + "&region=63.03&sort=registeredAt,desc");
            measure(list + "&region=63.03.05&status=SUBMITTED&sort=memberCount,desc");
            measure(list + "&region=63&q=uji");
            String cursor = JSON.readTree(get(list + "&region=63")).path("nextCursor").asText();
            measure(list + "&region=63&cursor=" + cursor);
            system.printMemory();
        }
    }

    private static void load(String registry, int kims) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("nama_kim,kode_desa,jumlah_anggota,nomor_sk,tanggal_sk\n");
        for (int i = 0; i < kims; i++) {
            csv.append("KIM Uji ").append(run).append(' ').append(i).append(',').append(VILLAGE).append(',')
                    .append(15 + i % 40).append(',').append(i).append("/SK/2024,2024-01-15\n");
        }
        String boundary = "bench-" + run;
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(registry + "/api/kims/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", BenchSystem.bearer())
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; "
                                + "name=\"file\"; filename=\"kims.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
                        HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        String id = JSON.readTree(accepted.body()).path("id").asText();
        long start = System.nanoTime();
        JsonNode summary;
        do {
            Thread.sleep(1000);
            summary = JSON.readTree(get(registry + "/api/kims/imports/" + id + "?size=1")).path("summary");
        } while (List.of("QUEUED", "RUNNING").contains(summary.path("status").asText()));
        System.out.printf("Imported %,d KIMs into %s in %.0f s%n%n", summary.path("created").asInt(), VILLAGE, seconds(start));
    }

    /** A warm-up, then {@link #REQUESTS} requests one after another (p50, p99), then as many from four clients. */
    private static void measure(String url) throws Exception {
        long cold = System.nanoTime();
        long total = JSON.readTree(get(url)).path("totalItems").asLong();
        long coldMillis = (System.nanoTime() - cold) / 1_000_000;
        for (int i = 0; i < Math.min(20, REQUESTS / 10); i++) {
            get(url);
        }
        long[] millis = new long[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            long at = System.nanoTime();
            get(url);
            millis[i] = (System.nanoTime() - at) / 1_000_000;
        }
        Arrays.sort(millis);
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                        get(url);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        double perSecond = REQUESTS / seconds(start);
        String shown = url.substring(url.indexOf("size=20") + 7);
        System.out.printf("%-44s %,8d %8d %8d %9.0f %8d%n", shown.length() > 44 ? shown.substring(0, 41) + "…" : shown, total,
                millis[REQUESTS / 2], millis[REQUESTS * 99 / 100], perSecond, coldMillis);
    }
}
