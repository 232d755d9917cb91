package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Rows;
import id.simpul.platform.access.Allowed;
import id.simpul.platform.Ids;
import id.simpul.platform.Problems;
import id.simpul.platform.ServedFromMemory;
import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
// From the figures held in memory, as the dashboard's.
@ServedFromMemory
class ExportController {

    /** The columns of each file, in order: the header row, and what the OpenAPI document lists. */
    static final String REGION_COLUMNS = "code,name,level,kims,kims_active,districts_covered,districts_total,"
            + "villages_covered,villages_total,trainings,participants_enrolled,participants_attended,outputs,"
            + "people_reached,index_average";
    static final String OUTPUT_COLUMNS = "output_id,published_on,kim_id,kim_name,village_code,village,district,regency,"
            + "province,channel,url,people_reached,training_id,training_title";

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final FiguresService figures;
    private final RegionDataset regions;

    ExportController(FiguresService figures, RegionDataset regions) {
        this.figures = figures;
        this.regions = regions;
    }

    @GetMapping(path = "/regions.csv", produces = "text/csv")
    @Allowed(ReportingRights.DASHBOARD_READ)
    @Operation(operationId = "exportRegions", summary = "The region table", description = "One row per province, or per "
            + "region directly below parent (a code of another shape is 400, an unknown one 404). UTF-8, comma-separated, "
            + "one header row; columns: " + REGION_COLUMNS + " (districts_* are empty for villages).")
    @ApiResponse(responseCode = "200", description = "The table, as an attachment simpul-regions[-parent].csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "UTF-8 CSV; columns: " + REGION_COLUMNS),
                    examples = @ExampleObject(name = "regions", summary = "The header row and one province",
                            value = REGION_COLUMNS + "\n63,Kalimantan Selatan,PROVINCE,30,12,5,156,9,2016,2,7,5,4,1250,41.5\n")))
    @ApiResponse(responseCode = "404", description = "Not found (not-found): no region has this parent code.")
    ResponseEntity<String> regions(@Parameter(description = DashboardController.REGION_CODE + ": its children, one row each; "
            + "without it the provinces") @RequestParam(required = false) String parent) {
        Views.RegionFigures region;
        if (parent == null || parent.isBlank()) {
            region = figures.current().national();
        } else {
            DashboardController.requireRegionCode("parent", parent);
            region = figures.current().region(parent).orElseThrow(() -> Problems.notFound("region", parent));
        }
        String csv = csv(REGION_COLUMNS, printer -> {
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
    @Allowed(ReportingRights.OUTPUTS_EXPORT)
    @Operation(operationId = "exportProgrammeOutputs", summary = "A programme's outputs", description = "One row per "
            + "output, with its KIM, village and training (withdrawn outputs are left out). UTF-8, comma-separated, one "
            + "header row; columns: " + OUTPUT_COLUMNS + ".")
    @ApiResponse(responseCode = "200", description = "The outputs, as an attachment simpul-programme-{id}-outputs.csv",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                    description = "UTF-8 CSV; columns: " + OUTPUT_COLUMNS),
                    examples = @ExampleObject(name = "outputs", summary = "The header row and one output",
                            value = OUTPUT_COLUMNS + "\n5b1d7e0a-2c4f-4a8e-9d3b-6f1a2b3c4d5e,2026-03-20,"
                                    + "8a2e4c6d-1b3f-4d5a-8e7c-9f0a1b2c3d4e,KIM Sungai Paring,63.03.05.1005,Sungai Paring,"
                                    + "Martapura,Kabupaten Banjar,Kalimantan Selatan,INSTAGRAM,https://instagram.com/p/abc,"
                                    + "850,3c5e7a9b-2d4f-4e6a-8b0c-1d2e3f4a5b6c,Kelas Stunting Martapura\n")))
    ResponseEntity<String> outputs(@PathVariable @Parameter(description = "The programme's id (a UUID)",
            schema = @Schema(format = "uuid")) String id) {
        String programme = Ids.parse(id, "programme");
        Figures current = figures.current();
        current.programmeRow(programme).orElseThrow(() -> Problems.notFound("programme", programme));
        String csv = csv(OUTPUT_COLUMNS, printer -> {
            for (Rows.Output output : current.outputsOf(programme)) {
                List<Region> path = regions.path(output.villageCode());
                printer.printRecord(output.id(), output.publishedOn(), output.kimId(),
                        current.kimRow(output.kimId()).map(Rows.Kim::name).orElse(null), output.villageCode(),
                        name(path, 3), name(path, 2), name(path, 1), name(path, 0), output.channel(), output.url(),
                        output.reach(), output.trainingId(),
                        current.trainingRow(output.trainingId()).map(Rows.Training::title).orElse(null));
            }
        });
        return attachment("simpul-programme-" + programme + "-outputs.csv", csv);
    }

    private interface Rows2Csv {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String csv(String columns, Rows2Csv body) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(columns.split(",")).get().print(out)) {
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
