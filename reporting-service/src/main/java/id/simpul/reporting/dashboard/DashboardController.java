package id.simpul.reporting.dashboard;

import id.simpul.platform.access.Allowed;
import id.simpul.platform.Ids;
import id.simpul.platform.ProblemDetailsAdvice;
import id.simpul.platform.Problems;
import id.simpul.platform.ServedFromMemory;
import id.simpul.regions.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "Figures built from the event streams (definitions in docs/reporting.md)")
// The figures are held in memory: these answers never wait for the store.
@ServedFromMemory
class DashboardController {

    static final String REGION_CODE = "A Kemendagri code such as 63, 63.03, 63.03.05 or 63.03.05.1001";

    private final FiguresService figures;

    DashboardController(FiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/summary")
    @Allowed(ReportingRights.DASHBOARD_READ)
    @Operation(operationId = "getNationalFigures", summary = "National figures", description = "KIMs by status, focus area and media; mapping coverage; "
            + "trainings; participants; partners engaged; outputs; the funnel; the development index; the same key "
            + "figures per province in children, and in atThisLevel the trainings without a venue region.")
    Views.RegionFigures summary() {
        return figures.current().national();
    }

    @GetMapping("/regions/{code}")
    @Allowed(ReportingRights.DASHBOARD_READ)
    @Operation(operationId = "getRegionFigures", summary = "One region's figures", description = "The figures of a province, regency/city, district or "
            + "village (Kemendagri code such as 63 or 63.03.05), with its children one level down, the trainings held at "
            + "the region itself rather than in one of them (atThisLevel), and the regions above it.")
    Views.RegionFigures region(@PathVariable @Parameter(description = REGION_CODE,
            schema = @Schema(pattern = RegionCode.PATTERN, maxLength = 13)) String code) {
        requireRegionCode("code", code);
        return figures.current().region(code).orElseThrow(() -> Problems.notFound("region", code));
    }

    @GetMapping("/programmes")
    @Allowed(ReportingRights.DASHBOARD_READ)
    @Operation(operationId = "listProgrammeFigures", summary = "Every programme with its progress against its targets")
    List<Views.ProgrammeSummary> programmes() {
        return figures.current().programmes();
    }

    @GetMapping("/programmes/{id}")
    @Allowed(ReportingRights.DASHBOARD_READ)
    @Operation(operationId = "getProgrammeFigures", summary = "One programme's progress", description = "Progress against targets, participants, partners, "
            + "outputs, the funnel, its trainings, and progress by target region and the regions below them.")
    Views.ProgrammeFigures programme(@PathVariable @Parameter(description = "The programme's id (a UUID)",
            schema = @Schema(format = "uuid")) String id) {
        String programme = Ids.parse(id, "programme");
        return figures.current().programme(programme).orElseThrow(() -> Problems.notFound("programme", programme));
    }

    @GetMapping("/kims/{id}")
    @Allowed(ReportingRights.DASHBOARD_READ)
    @Operation(operationId = "getKimFigures", summary = "One KIM's development index, trainings and outputs")
    Views.KimFigures kim(@PathVariable @Parameter(description = "The KIM's id (a UUID)", schema = @Schema(format = "uuid")) String id) {
        String kim = Ids.parse(id, "KIM");
        return figures.current().kim(kim).orElseThrow(() -> Problems.notFound("KIM", kim));
    }

    /** A code of another shape is 400; a well-formed one the dataset does not know is the caller's 404. */
    static void requireRegionCode(String field, String code) {
        if (!RegionCode.isCode(code)) {
            throw Problems.exception(Problems.invalid(List.of(new ProblemDetailsAdvice.FieldProblem(field, RegionCode.FORMAT))));
        }
    }
}
