package id.simpul.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static id.simpul.bench.BenchSystem.HTTP;
import static id.simpul.bench.BenchSystem.JSON;
import static id.simpul.bench.BenchSystem.get;
import static id.simpul.bench.BenchSystem.seconds;

/**
 * Imports a generated spreadsheet of KIMs (100,000 rows by default, each in a real village) into a running system
 * started as ./simpul does (H2-backed Mongo-wire server, real Kafka, the three service jars), and prints how fast
 * the rows are registered and how long until reporting-service counts them all, with the processes' memory.
 *
 * <p>Run: {@code ./simpul bench kim-import [rows]}.
 */
public final class KimImportBenchmark {

    /** An import of {@code rows} rows: how long it took, and how long until reporting counted every KIM it created. */
    record Imported(int rows, int created, double seconds, double countedSeconds) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (BenchSystem system = BenchSystem.start()) {
            run(system, rows);
            system.printMemory();
        }
    }

    static Imported run(BenchSystem system, int rows) throws Exception {
        String registry = system.url("registry-service");
        long baseline = system.settledKimTotal(30);

        byte[] file = spreadsheet(system.root(), rows);
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
                        summary.path("processedRows").asInt(), rows, system.kimTotal() - baseline);
            }
        } while (List.of("QUEUED", "RUNNING").contains(summary.path("status").asText()));
        double importSeconds = seconds(start);
        int created = summary.path("created").asInt();
        long counted;
        while ((counted = system.kimTotal() - baseline) < created) {
            Thread.sleep(200);
        }
        double reportedSeconds = seconds(start);

        System.out.println();
        System.out.printf("Import %s: %,d created, %,d already registered, %,d invalid%n", summary.path("status").asText(),
                created, summary.path("alreadyRegistered").asInt(), summary.path("invalid").asInt());
        System.out.printf("Import time            %8.1f s  (%,.0f rows/s)%n", importSeconds, rows / importSeconds);
        System.out.printf("Counted by reporting   %8.1f s after upload  (%,d KIMs; %.1f s after the import ended)%n",
                reportedSeconds, counted, reportedSeconds - importSeconds);
        return new Imported(rows, created, importSeconds, reportedSeconds);
    }

    /** Rows in real villages across Indonesia, each meeting the sample regional rules (SK, 20 members). */
    static byte[] spreadsheet(Path root, int rows) throws IOException {
        List<String> villages = KimRegistrationBenchmark.villages(root);
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("nama_kim,kode_desa,jumlah_anggota,nomor_sk,tanggal_sk,bidang_fokus,instagram\n");
        for (int i = 0; i < rows; i++) {
            csv.append("KIM Uji ").append(run).append(' ').append(i).append(',').append(villages.get(i % villages.size()))
                    .append(",20,").append(i).append("/SK/2024,2024-01-15,\"Kesehatan, UMKM\",@kim").append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
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
                .header("Authorization", BenchSystem.bearer())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Import refused: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
