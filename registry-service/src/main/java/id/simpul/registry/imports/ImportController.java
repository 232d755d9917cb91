package id.simpul.registry.imports;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.Problems;
import id.simpul.platform.access.Allowed;
import id.simpul.platform.ServedFromMemory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

@RestController
@RequestMapping("/api/kims/imports")
@Validated
@Tag(name = "KIM imports", description = "Register many KIMs from the spreadsheet an office keeps (CSV UTF-8 or XLSX)")
class ImportController {

    private final KimImports imports;

    ImportController(KimImports imports) {
        this.imports = imports;
    }

    /** An import as answered: its figures and one page of its row report. */
    record ImportResponse(KimImports.Summary summary, PageResponse<KimImports.RowResult> report) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed(ImportRights.IMPORT)
    @Operation(operationId = "startKimImport", summary = "Import KIMs from a spreadsheet",
            description = "Multipart field 'file': CSV (UTF-8, comma or semicolon) or XLSX, up to 20 MB, columns as in "
                    + "GET /api/kims/imports/template.csv. A row gives the village code, or the village's name with as many "
                    + "of province, regency/city and district as make it the only one. Dates are written "
                    + ImportColumns.DATE_FORMS + ". The file is checked whole first (400, 413 or 415 and nothing stored "
                    + "when it cannot be read); then 202 and the rows are registered in the background. The columns, by "
                    + "the template's names (headers are compared ignoring case, spaces and punctuation; aliases such as "
                    + "nama, name or village_code are taken too): " + ImportColumns.NAME + " (required), "
                    + ImportColumns.VILLAGE_CODE + ", provinsi, kabupaten_kota, kecamatan, desa_kelurahan, alamat, "
                    + "tanggal_berdiri, nomor_sk, tanggal_sk, penerbit_sk, ketua, sekretaris, bendahara, kepala_seksi, "
                    + "jumlah_anggota, telepon, email, one column per medium with its address or handle (website, "
                    + "instagram, facebook, youtube, tiktok, x_twitter, whatsapp, radio, buletin), bidang_fokus, "
                    + "nomor_kim_id, status; and optionally no (the row number).")
    @ApiResponse(responseCode = "202", description = "Accepted: the rows are being registered; Location shows the progress")
    @ApiResponse(responseCode = "400", description = "The file cannot be imported (unreadable-file: empty, not UTF-8, "
            + "damaged, unknown or missing columns, no rows; the detail says which), the multipart body is not readable "
            + "(broken-multipart), the part 'file' is missing (invalid-request), or a query parameter is sent.")
    @ApiResponse(responseCode = "413", description = "File too large (file-too-large): an upload may hold at most 20 MB.")
    @ApiResponse(responseCode = "415", description = "Not CSV or XLSX (unsupported-file), or a body that is not "
            + "multipart/form-data (unsupported-media-type).")
    ResponseEntity<KimImports.Summary> start(@RequestParam("file") MultipartFile file, UriComponentsBuilder uri) throws IOException {
        String id = imports.start(file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.accepted().location(uri.path("/api/kims/imports/{id}").build(id))
                .body(imports.find(id).orElseThrow());
    }

    @GetMapping("/{id}")
    @Allowed(ImportRights.READ_REPORT)
    @Operation(operationId = "getKimImport", summary = "Progress and report of an import",
            description = "Figures (total, processed, created, already registered, invalid, outside the importer's "
                    + "region scope) and the rows with their "
                    + "outcome and every problem by column (with candidates where region names fit several regions or "
                    + "none), paged; by default the rows that were not created.")
    ImportResponse get(@PathVariable @Parameter(description = "The import's id (a UUID), from the Location of the upload",
                               schema = @Schema(format = "uuid")) String id,
                       @Parameter(description = "Which rows to show; by default ALREADY_REGISTERED, INVALID and OUTSIDE_SCOPE")
                       @RequestParam(required = false) Set<ImportOutcome> outcome,
                       @Valid PageQuery page) {
        KimImports.Summary summary = imports.find(id).orElseThrow(() -> Problems.notFound("import", id));
        Set<ImportOutcome> shown = outcome == null || outcome.isEmpty()
                ? EnumSet.of(ImportOutcome.ALREADY_REGISTERED, ImportOutcome.INVALID, ImportOutcome.OUTSIDE_SCOPE) : outcome;
        return new ImportResponse(summary, imports.rows(id, shown, page));
    }

    @GetMapping(value = "/template.csv", produces = "text/csv")
    @Allowed(ImportRights.TEMPLATE)
    @ServedFromMemory
    @Operation(operationId = "getKimImportTemplate", summary = "The import template", description = "CSV UTF-8 "
            + "(comma-separated, one header row) with every column of POST /api/kims/imports in order and two example rows: "
            + "one by village code, one by region names; dates as yyyy-mm-dd.")
    @ApiResponse(responseCode = "200", description = "The template, as the attachment kim-import-template.csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "UTF-8 CSV; its header row, as in the example, names the columns in order"),
                    examples = @ExampleObject(name = "header", summary = "The header row: the columns in order",
                            value = "nama_kim,kode_desa,provinsi,kabupaten_kota,kecamatan,desa_kelurahan,alamat,"
                                    + "tanggal_berdiri,nomor_sk,tanggal_sk,penerbit_sk,ketua,sekretaris,bendahara,"
                                    + "kepala_seksi,jumlah_anggota,telepon,email,website,instagram,facebook,youtube,"
                                    + "tiktok,x_twitter,whatsapp,radio,buletin,bidang_fokus,nomor_kim_id,status\n")))
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kim-import-template.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(ImportTemplate.csv().getBytes(StandardCharsets.UTF_8));
    }

    /** A file that cannot be imported: its own problem type and status (400, 415). */
    @RestControllerAdvice(assignableTypes = ImportController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class UnreadableFileProblems {
        @ExceptionHandler(UnreadableFileException.class)
        ResponseEntity<ProblemDetail> unreadable(UnreadableFileException e) {
            return ResponseEntity.status(e.status).body(Problems.of(e.status, e.problemType, "File cannot be imported",
                    e.getMessage() + " Nothing was imported."));
        }
    }
}
