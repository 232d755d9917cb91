package id.simpul.reporting.dashboard;

import id.simpul.platform.Problems;
import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The region table and a programme's outputs as CSV (UTF-8, comma-separated, one header row). */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "Exports", description = "Dashboard tables as CSV")
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final FiguresService figures;
    private final RegionDataset regions;

    ExportController(FiguresService figures, RegionDataset regions) {
        this.figures = figures;
        this.regions = regions;
    }

    @GetMapping(path = "/regions.csv", produces = "text/csv")
    @Operation(summary = "The region table", description = "One row per province, or per region directly below parent.")
    ResponseEntity<String> regions(@RequestParam(required = false) String parent) {
        Views.RegionFigures region;
        if (parent == null || parent.isBlank()) {
            region = figures.current().national();
        } else {
            DashboardController.requireRegionCode(parent);
            region = figures.current().region(parent).orElseThrow(() -> Problems.notFound("region", parent));
        }
        String csv = csv(List.of("code", "name", "level", "kims", "kims_active", "districts_covered", "districts_total",
                "villages_covered", "villages_total", "trainings", "participants_enrolled", "participants_attended",
                "outputs", "people_reached", "index_average"), printer -> {
            for (Views.Child child : region.children()) {
                Views.Share districts = child.coverage().districts();
                Views.Share villages = child.coverage().villages();
                printer.printRecord(child.region().code(), child.region().name(), child.region().level(),
                        child.kims().total(), child.kims().active(),
                        districts == null ? null : districts.covered(), districts == null ? null : districts.total(),
                        villages.covered(), villages.total(), child.trainings(), child.participants().enrolled(),
                        child.participants().attended(), child.outputs().count(), child.outputs().reach(),
                        child.indexAverage());
            }
        });
        return attachment("simpul-regions" + (parent == null || parent.isBlank() ? "" : "-" + parent) + ".csv", csv);
    }

    @GetMapping(path = "/programmes/{id}/outputs.csv", produces = "text/csv")
    @Operation(summary = "A programme's outputs", description = "One row per output, with its KIM, village and training.")
    ResponseEntity<String> outputs(@PathVariable String id) {
        DashboardController.requireId("id", id);
        Figures current = figures.current();
        current.programmeRow(id).orElseThrow(() -> Problems.notFound("programme", id));
        String csv = csv(List.of("output_id", "published_on", "kim_id", "kim_name", "village_code", "village", "district",
                "regency", "province", "channel", "url", "people_reached", "training_id", "training_title"), printer -> {
            for (Rows.Output output : current.outputsOf(id)) {
                List<Region> path = regions.path(output.villageCode());
                printer.printRecord(output.id(), output.publishedOn(), output.kimId(),
                        current.kimRow(output.kimId()).map(Rows.Kim::name).orElse(null), output.villageCode(),
                        name(path, 3), name(path, 2), name(path, 1), name(path, 0), output.channel(), output.url(),
                        output.peopleReached(), output.trainingId(),
                        current.trainingRow(output.trainingId()).map(Rows.Training::title).orElse(null));
            }
        });
        return attachment("simpul-programme-" + id + "-outputs.csv", csv);
    }

    private interface Rows2Csv {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String csv(List<String> header, Rows2Csv body) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
            body.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ResponseEntity<String> attachment(String filename, String csv) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .contentType(CSV)
                .body(csv);
    }

    private static String name(List<Region> path, int level) {
        return path.size() > level ? path.get(level).name() : null;
    }
}
