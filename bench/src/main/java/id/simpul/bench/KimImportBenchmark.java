package id.simpul.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.simpul.localstack.Launcher;
import id.simpul.localstack.LocalStackConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Imports a generated spreadsheet of KIMs (100,000 rows by default, each in a real village) into a running system
 * started as ./simpul does (H2-backed Mongo-wire server, real Kafka, the three service jars), and prints how fast
 * the rows are registered and how long until reporting-service counts them all, with the processes' memory.
 *
 * <p>Run: {@code ./simpul bench kim-import [rows]}.
 */
public final class KimImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path root = Path.of(System.getProperty("simpul.home", ".")).toAbsolutePath().normalize();
        LocalStackConfig config = LocalStackConfig.forTests(root, Files.createTempDirectory("simpul-bench"));
        Launcher launcher = new Launcher(config);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop));
        System.out.printf("Starting Simpul (data in %s)%n", config.dataDir());
        launcher.start();
        String registry = "http://localhost:" + config.port("registry-service");
        String reporting = "http://localhost:" + config.port("reporting-service");
        long baseline = settledTotal(reporting, 30);

        byte[] file = spreadsheet(root, rows);
        System.out.printf("Importing %,d rows (%.1f MB CSV); %,d KIMs counted before%n", rows, file.length / 1e6, baseline);
        long start = System.nanoTime();
        String importId = JSON.readTree(upload(registry + "/api/kims/imports", file)).path("id").asText();
        JsonNode summary;
        long lastPrint = 0;
        do {
            Thread.sleep(500);
            summary = JSON.readTree(get(registry + "/api/kims/imports/" + importId + "?size=1")).path("summary");
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("  %6.1f s: %,d of %,d rows, reporting counts %,d%n", seconds(start),
                        summary.path("processedRows").asInt(), rows, total(reporting) - baseline);
            }
        } while (List.of("QUEUED", "RUNNING").contains(summary.path("status").asText()));
        double importSeconds = seconds(start);
        int created = summary.path("created").asInt();
        long counted;
        while ((counted = total(reporting) - baseline) < created) {
            Thread.sleep(200);
        }
        double reportedSeconds = seconds(start);

        System.out.println();
        System.out.printf("Import %s: %,d created, %,d already registered, %,d invalid%n", summary.path("status").asText(),
                created, summary.path("alreadyRegistered").asInt(), summary.path("invalid").asInt());
        System.out.printf("Import time            %8.1f s  (%,.0f rows/s)%n", importSeconds, rows / importSeconds);
        System.out.printf("Counted by reporting   %8.1f s after upload  (%,d KIMs; %.1f s after the import ended)%n",
                reportedSeconds, counted, reportedSeconds - importSeconds);
        System.out.println("Resident memory (RSS) at the end:");
        for (String component : List.of(Launcher.MONGO, Launcher.KAFKA, "registry-service", "training-service", "reporting-service")) {
            System.out.printf("  %-18s %6d MiB%n", component, rssMiB(config.dataDir().resolve("run/" + component + ".pid")));
        }
        launcher.stop();
    }

    /** Rows in real villages across Indonesia, each meeting the sample regional rules (SK, 20 members). */
    static byte[] spreadsheet(Path root, int rows) throws IOException {
        List<String> villages = Files.readAllLines(root.resolve("seeds/regions/villages.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList();
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("nama_kim,kode_desa,jumlah_anggota,nomor_sk,tanggal_sk,bidang_fokus,instagram\n");
        for (int i = 0; i < rows; i++) {
            csv.append("KIM Uji ").append(run).append(' ').append(i).append(',').append(villages.get(i % villages.size()))
                    .append(",20,").append(i).append("/SK/2024,2024-01-15,\"Kesehatan, UMKM\",@kim").append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The dashboard total once the seed KIMs are all counted and nothing changes for two seconds. */
    private static long settledTotal(String reporting, long atLeast) throws Exception {
        long previous = -1;
        long current = total(reporting);
        while (current != previous || current < atLeast) {
            Thread.sleep(2000);
            previous = current;
            current = total(reporting);
        }
        return current;
    }

    private static long total(String reporting) throws Exception {
        return JSON.readTree(get(reporting + "/api/dashboard/summary")).path("kims").path("total").asLong();
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String upload(String url, byte[] content) throws Exception {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Import refused: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long rssMiB(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).strip();
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
