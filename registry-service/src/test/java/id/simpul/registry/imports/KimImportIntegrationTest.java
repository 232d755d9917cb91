package id.simpul.registry.imports;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@IntegrationTest
class KimImportIntegrationTest {

    private static final Path SEEDS = Path.of("..", "seeds", "imports");
    private static final String HEADER = "nama_kim,kode_desa,jumlah_anggota,nomor_sk,tanggal_sk,bidang_fokus\n";

    @LocalServerPort
    int port;
    @Autowired
    MongoOperations mongo;
    @Autowired
    KimImports imports;
    Http http;

    @BeforeEach
    void client() {
        http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
    }

    @Test
    void theSampleSpreadsheetImportsItsValidRowsAndReportsEachMistakeByColumn() throws IOException {
        Http.Response accepted = upload("kim-import-sample-kalsel.csv", Files.readAllBytes(SEEDS.resolve("kim-import-sample-kalsel.csv")));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/kims/imports/"));
        Http.Response done = awaitDone(accepted.json("$.id"), "&size=100");

        assertThat((String) done.json("$.summary.status")).isEqualTo("COMPLETED");
        assertThat((Map<String, Integer>) done.json("$.summary")).containsEntry("totalRows", 302).containsEntry("processedRows", 302)
                .containsEntry("created", 282).containsEntry("alreadyRegistered", 2).containsEntry("invalid", 18);
        assertThat(problem(done, 5)).containsEntry("column", "kode_desa");
        assertThat((String) problem(done, 10).get("message")).contains("is no village in");
        assertThat(problem(done, 11)).containsEntry("column", "kabupaten_kota");
        assertThat((List<String>) problem(done, 11).get("candidates")).anyMatch(c -> c.startsWith("63.01.03.2016 Tungkaran"))
                .anyMatch(c -> c.startsWith("63.03.05.2036 Tungkaran"));
        assertThat(problem(done, 16)).containsEntry("column", "kecamatan");
        assertThat(problem(done, 22)).containsEntry("column", "tanggal_berdiri");
        assertThat(problem(done, 27)).containsEntry("column", "tanggal_sk");
        assertThat(problem(done, 42)).containsEntry("column", "email").containsEntry("message", "must be a well-formed email address");
        assertThat(problem(done, 52)).containsEntry("column", "bidang_fokus");
        assertThat(problem(done, 57)).containsEntry("column", "nama_kim");
        assertThat(problem(done, 85)).containsEntry("column", "jumlah_anggota");
        assertThat((String) problem(done, 85).get("message")).contains("Kabupaten Banjar (63.03) requires at least 15 members");
        assertThat((String) problem(done, 90).get("column")).isEqualTo("nomor_sk");
        assertThat(done.<List<String>>json("$.report.items[?(@.outcome == 'ALREADY_REGISTERED')].kimId")).hasSize(2).doesNotContainNull();
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        byte[] file = csv(HEADER + "%s,63.71.02.1002,20,1/SK/2020,2020-02-02,Kesehatan\n%s,63.71.02.1003,12,,,UMKM\n"
                .formatted(unique("KIM Ulang"), unique("KIM Ulang")));
        Http.Response first = awaitDone(upload("ulang.csv", file).json("$.id"), "");
        long kims = mongo.count(new Query(), "kims");

        Http.Response second = awaitDone(upload("ulang.csv", file).json("$.id"), "");

        assertThat((Integer) first.json("$.summary.created")).isEqualTo(2);
        assertThat((Integer) second.json("$.summary.created")).isZero();
        assertThat((Integer) second.json("$.summary.alreadyRegistered")).isEqualTo(2);
        assertThat(mongo.count(new Query(), "kims")).isEqualTo(kims);
    }

    @Test
    void aReportOfManyChunksPagesInTheFilesOrderWithItsTotalsWhateverTheFilter() {
        StringBuilder file = new StringBuilder(HEADER);
        List<Integer> invalid = new java.util.ArrayList<>();
        int rows = 450; // three chunks of the report, the last one partly filled
        for (int i = 0; i < rows; i++) {
            boolean bad = i % 7 == 3;
            if (bad) {
                invalid.add(i + 2); // the header is row 1
            }
            file.append(unique("KIM Halaman")).append(",63.71.02.1002,").append(bad ? "nol" : "20").append(",,,Kesehatan\n");
        }
        String id = upload("halaman.csv", csv(file.toString())).json("$.id");
        awaitDone(id, "");

        List<Integer> paged = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Http.Response report = http.get("/api/kims/imports/" + id + "?size=7&page=" + page);
            assertThat((Integer) report.json("$.report.totalItems")).isEqualTo(invalid.size());
            List<Integer> items = report.json("$.report.items[*].row");
            if (items.isEmpty()) {
                break;
            }
            paged.addAll(items);
        }
        assertThat(paged).as("every invalid row once, in the file's order").isEqualTo(invalid);

        // Both outcomes, a page that begins in one chunk and ends in the next.
        Http.Response across = http.get("/api/kims/imports/" + id + "?outcome=CREATED&outcome=INVALID&size=100&page=1");
        assertThat((Integer) across.json("$.report.totalItems")).isEqualTo(rows);
        assertThat(across.<List<Integer>>json("$.report.items[*].row"))
                .isEqualTo(java.util.stream.IntStream.range(102, 202).boxed().toList());
        Http.Response created = http.get("/api/kims/imports/" + id + "?outcome=CREATED&size=100&page=3");
        assertThat((Integer) created.json("$.report.totalItems")).isEqualTo(rows - invalid.size());
        assertThat(created.<List<Integer>>json("$.report.items[*].row")).hasSize(rows - invalid.size() - 300)
                .doesNotContainAnyElementsOf(invalid).isSorted();
        assertThat(http.get("/api/kims/imports/" + id + "?outcome=OUTSIDE_SCOPE").<Integer>json("$.report.totalItems")).isZero();
    }

    @Test
    void anImportReportedRowByRowBeforeReportsCameInChunksStillShowsItsRows() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("status", "COMPLETED").append("fileName", "lama.csv").append("totalRows", 3)
                .append("processedRows", 3).append("CREATED", 1).append("ALREADY_REGISTERED", 0).append("INVALID", 2)
                .append("OUTSIDE_SCOPE", 0).append("createdAt", new Date()), KimImports.IMPORTS);
        for (int row : new int[] {4, 2, 3}) {
            mongo.insert(new Document("_id", id + ":" + row).append("importId", id).append("row", row).append("name", "KIM Lama " + row)
                    .append("outcome", row == 3 ? "CREATED" : "INVALID").append("problems", List.of(new Document("column", "jumlah_anggota")
                            .append("message", "must not be empty").append("candidates", List.of()))), KimImports.ROWS);
        }

        Http.Response report = http.get("/api/kims/imports/" + id);

        assertThat((Integer) report.json("$.report.totalItems")).isEqualTo(2);
        assertThat(report.<List<Integer>>json("$.report.items[*].row")).containsExactly(2, 4);
        assertThat(report.<List<String>>json("$.report.items[*].problems[0].column")).containsOnly("jumlah_anggota");
    }

    @Test
    void regionNamesResolveToTheVillageCode() {
        String name = unique("KIM Nama Wilayah");
        byte[] file = csv("nama_kim,provinsi,kabupaten_kota,kecamatan,desa_kelurahan,jumlah_anggota,nomor_sk,tanggal_sk\n"
                + name + ",Kalimantan Selatan,Kab. Banjar,Martapura,sungai paring,20,3/SK/2021,11/01/2021\n");

        Http.Response done = awaitDone(upload("nama.csv", file).json("$.id"), "&outcome=CREATED");

        String kimId = done.json("$.report.items[0].kimId");
        Http.Response kim = http.get("/api/kims/" + kimId);
        assertThat((String) kim.json("$.villageCode")).isEqualTo("63.03.05.1005");
        assertThat((String) kim.json("$.decree.date")).isEqualTo("2021-01-11");
    }

    @Test
    void aRowIsReportedWithEveryProblemItHasAndTheVillagesItsNamesFit() {
        byte[] file = csv("nama_kim,provinsi,desa_kelurahan,jumlah_anggota,tanggal_berdiri\n"
                + unique("KIM Oebelo") + ",Nusa Tenggara Timur,Oebelo,nol,11.01.2021\n");

        Http.Response done = awaitDone(upload("oebelo.csv", file).json("$.id"), "");

        assertThat((String) done.json("$.report.items[0].name")).startsWith("KIM Oebelo");
        List<Map<String, Object>> problems = done.json("$.report.items[0].problems");
        assertThat(problems).extracting(p -> p.get("column"))
                .containsExactlyInAnyOrder("kabupaten_kota", "jumlah_anggota", "tanggal_berdiri");
        assertThat(problems).filteredOn(p -> p.get("column").equals("kabupaten_kota")).singleElement()
                .satisfies(p -> assertThat((List<String>) p.get("candidates")).containsExactly(
                        "53.01.08.2010 Oebelo, Kec. Kupang Tengah, Kab. Kupang, Nusa Tenggara Timur",
                        "53.02.06.2003 Oebelo, Kec. Amanuban Selatan, Kab. Timor Tengah Selatan, Nusa Tenggara Timur"));
    }

    @Test
    void anExcelWorkbookWithRealDateAndNumberCellsImports() throws IOException {
        String name = unique("KIM Excel");
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("KIM");
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("d/m/yy"));
            Row header = sheet.createRow(0);
            String[] columns = {"Nama KIM", "Kode Desa", "Tanggal Berdiri", "Jumlah Anggota", "Nomor SK", "Tanggal SK", "Instagram"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(name);
            row.createCell(1).setCellValue("63.03.05.1003");
            row.createCell(2).setCellValue(Date.from(LocalDate.of(2019, 3, 4).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            row.getCell(2).setCellStyle(dates);
            row.createCell(3).setCellValue(21);
            row.createCell(4).setCellValue("7/SK/2019");
            row.createCell(5).setCellValue(Date.from(LocalDate.of(2019, 3, 4).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            row.getCell(5).setCellStyle(dates);
            row.createCell(6).setCellValue("@kim.excel");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        Http.Response done = awaitDone(upload("kim.xlsx", xlsx).json("$.id"), "&outcome=CREATED");

        Http.Response kim = http.get("/api/kims/" + done.json("$.report.items[0].kimId"));
        assertThat((String) kim.json("$.name")).isEqualTo(name);
        assertThat((String) kim.json("$.foundedOn")).isEqualTo("2019-03-04");
        assertThat((Integer) kim.json("$.memberCount")).isEqualTo(21);
        assertThat((String) kim.json("$.mediaChannels[0].address")).isEqualTo("@kim.excel");
    }

    @Test
    void aSemicolonSeparatedCsvWithAByteOrderMarkAsExcelWritesItImports() {
        byte[] file = csv("\uFEFFNama KIM;Kode Desa;Jumlah Anggota;Bidang Fokus\n" + unique("KIM Titik Koma") + ";91.71.01.1002;9;Kesehatan, Literasi\n");

        Http.Response done = awaitDone(upload("titikkoma.csv", file).json("$.id"), "");

        assertThat((Integer) done.json("$.summary.created")).isEqualTo(1);
    }

    @Test
    void theTemplateIsServedAsShippedInSeedsAndImports() throws IOException {
        Http.Response template = http.get("/api/kims/imports/template.csv");

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.body()).isEqualTo(Files.readString(SEEDS.resolve("kim-import-template.csv")));
        Http.Response done = awaitDone(upload("template.xlsx", Files.readAllBytes(SEEDS.resolve("kim-import-template.xlsx")))
                .json("$.id"), "&outcome=CREATED&outcome=ALREADY_REGISTERED");
        assertThat((Integer) done.json("$.summary.invalid")).isZero();
        assertThat((Integer) done.json("$.summary.totalRows")).isEqualTo(2);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> unreadableFiles() {
        byte[] latin1 = (HEADER + "KIM Désa Ü,63.03.05.1001,20,1/SK/2020,2020-01-01,\n").getBytes(Charset.forName("windows-1252"));
        return Stream.of(
                arguments("empty file", "kim.csv", new byte[0], 400, "The file is empty."),
                arguments("header only", "kim.csv", csv(HEADER), 400, "no KIM rows"),
                arguments("unknown columns", "kim.csv", csv("nama_kim,kode_desa,warna_favorit\nKIM A,63.03.05.1001,biru\n"), 400,
                        "Unknown column [warna_favorit]"),
                arguments("no name column", "kim.csv", csv("kode_desa,jumlah_anggota\n63.03.05.1001,20\n"), 400,
                        "Missing column [nama_kim]"),
                arguments("no village column", "kim.csv", csv("nama_kim,kecamatan\nKIM A,Martapura\n"), 400, "kode_desa"),
                arguments("the same column twice", "kim.csv", csv("nama_kim,nama,kode_desa\nKIM A,KIM B,63.03.05.1001\n"), 400,
                        "Two columns mean nama_kim"),
                arguments("Windows-1252 text", "kim.csv", latin1, 400, "not UTF-8"),
                arguments("an image", "foto.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, 415, "CSV file (UTF-8)"),
                arguments("an old .xls", "kim.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, 415, ".xlsx"),
                arguments("a damaged workbook", "kim.xlsx", new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8}, 400, "cannot be read"),
                arguments("not a workbook named .xlsx", "kim.xlsx", csv(HEADER + "KIM A,63.03.05.1001,20,,,\n"), 400, "not an Excel workbook"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void aFileThatCannotBeReadIsRefusedWholeAndStoresNothing(String caseName, String fileName, byte[] content, int status,
                                                              String message) {
        long kims = mongo.count(new Query(), "kims");
        long importsBefore = mongo.count(new Query(), KimImports.IMPORTS);

        Http.Response response = upload(fileName, content);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat((String) response.json("$.detail")).contains(message).endsWith("Nothing was imported.");
        assertThat(mongo.count(new Query(), "kims")).isEqualTo(kims);
        assertThat(mongo.count(new Query(), KimImports.IMPORTS)).isEqualTo(importsBefore);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413() {
        long importsBefore = mongo.count(new Query(), KimImports.IMPORTS);

        Http.Response response = upload("besar.csv", new byte[50 * 1024 * 1024]);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).hasValue("application/problem+json");
        assertThat(mongo.count(new Query(), KimImports.IMPORTS)).isEqualTo(importsBefore);
    }

    @Test
    void anUnknownImportIs404() {
        assertThat(http.get("/api/kims/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void anImportCutShortByAStopIsMarkedFailedAtStartUp() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("status", "RUNNING").append("fileName", "x.csv").append("totalRows", 10)
                .append("processedRows", 4).append("CREATED", 4).append("ALREADY_REGISTERED", 0).append("INVALID", 0), KimImports.IMPORTS);

        imports.failInterruptedImports();

        Http.Response failed = http.get("/api/kims/imports/" + id);
        assertThat((String) failed.json("$.summary.status")).isEqualTo("FAILED");
        assertThat((String) failed.json("$.summary.failure")).contains("import the file again");
    }

    private Http.Response upload(String fileName, byte[] content) {
        return http.postFile("/api/kims/imports", "file", fileName, content);
    }

    private Http.Response awaitDone(String id, String query) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("QUEUED", "RUNNING")
                .contains(http.get("/api/kims/imports/" + id).<String>json("$.summary.status")));
        return http.get("/api/kims/imports/" + id + "?page=0" + query);
    }

    private static Map<String, Object> problem(Http.Response report, int row) {
        List<Map<String, Object>> problems = report.json("$.report.items[?(@.row == " + row + ")].problems[0]");
        assertThat(problems).as("row %d in %s", row, report.body()).hasSize(1);
        return problems.getFirst();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
