package id.simpul.web.kim;

import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.ServiceProblem;
import id.simpul.web.workspace.Services;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region's spreadsheet of KIMs, imported from a page: upload (CSV or XLSX, the template one click away), the
 * progress while registry-service registers the rows, and the per-row report — what became of each row and why, with
 * the villages a row's names fit to choose from (each opens the register form with that village) — downloadable
 * as CSV.
 */
@Controller
@RequestMapping("/workspace/imports")
class ImportPages {

    /** The outcomes the report can show; by default those that need the officer. */
    static final List<String> OUTCOMES = List.of("INVALID", "OUTSIDE_SCOPE", "ALREADY_REGISTERED", "CREATED");
    static final Set<String> RUNNING = Set.of("QUEUED", "RUNNING");

    private final ServiceClient registry;

    ImportPages(Services services) {
        this.registry = services.registry();
    }

    @GetMapping("/new")
    String form(Model model) {
        return "kims/import";
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "file.missing");
            return "kims/import";
        }
        byte[] content = file.getBytes();
        try {
            ServiceClient.Json started = registry.postFile("/api/kims/imports", "file", file.getOriginalFilename(), content);
            return "redirect:/workspace/imports/" + started.body().get("id");
        } catch (ServiceProblem refused) {
            model.addAttribute("fileProblem", refused.aboutTheInput().detail());
            return "kims/import";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) List<String> outcome,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        List<String> shown = outcome == null ? List.of() : outcome.stream().filter(OUTCOMES::contains).toList();
        Map<String, Object> answer = registry.get(uri -> {
            var builder = uri.path("/api/kims/imports/{id}").queryParam("page", Math.max(0, page)).queryParam("size", 50);
            shown.forEach(o -> builder.queryParam("outcome", o));
            return builder.build(id);
        }).body();
        model.addAttribute("summary", answer.get("summary"));
        model.addAttribute("report", answer.get("report"));
        model.addAttribute("running", answer.get("summary") instanceof Map<?, ?> s && RUNNING.contains(String.valueOf(s.get("status"))));
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("shown", shown);
        model.addAttribute("id", id);
        // While the rows are registered, htmx asks for the progress and report every second.
        return htmx != null ? "kims/import-report :: report" : "kims/import-report";
    }

    /** The whole report of the rows that need the officer (or of the outcomes asked for), as CSV for a spreadsheet. */
    @GetMapping(value = "/{id}/report.csv")
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(required = false) List<String> outcome) throws IOException {
        List<String> shown = outcome == null ? List.of() : outcome.stream().filter(OUTCOMES::contains).toList();
        StringWriter csv = new StringWriter();
        try (CSVPrinter out = new CSVPrinter(csv, CSVFormat.DEFAULT.builder()
                .setHeader("baris", "hasil", "nama_kim", "id_kim", "kolom", "masalah", "kandidat").get())) {
            for (int page = 0; ; page++) {
                int current = page;
                Map<String, Object> answer = registry.get(uri -> {
                    var builder = uri.path("/api/kims/imports/{id}").queryParam("page", current).queryParam("size", 100);
                    shown.forEach(o -> builder.queryParam("outcome", o));
                    return builder.build(id);
                }).body();
                Map<?, ?> report = (Map<?, ?>) answer.get("report");
                for (Object item : (List<?>) report.get("items")) {
                    ReportRows.print(out, (Map<?, ?>) item);
                }
                if (current + 1 >= ((Number) report.get("totalPages")).intValue()) {
                    break;
                }
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"laporan-impor-" + id.replaceAll("[^0-9a-fA-F-]", "") + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                // A byte order mark, so that spreadsheets open the UTF-8 file as UTF-8.
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }
}
