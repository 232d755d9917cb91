package id.simpul.reporting.dashboard;

import id.simpul.platform.ProblemDetailsAdvice;
import id.simpul.platform.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "Figures built from the event streams (definitions in docs/reporting.md)")
class DashboardController {

    static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final FiguresService figures;

    DashboardController(FiguresService figures) {
        this.figures = figures;
    }

    @GetMapping("/summary")
    @Operation(summary = "National figures", description = "KIMs by status, focus area and media; mapping coverage; "
            + "trainings; participants; partners engaged; outputs; the funnel; the development index; and the same key "
            + "figures per province in children.")
    Views.RegionFigures summary() {
        return figures.current().national();
    }

    @GetMapping("/regions/{code}")
    @Operation(summary = "One region's figures", description = "The figures of a province, regency/city, district or "
            + "village (Kemendagri code such as 63 or 63.03.05), with its children one level down and the regions above it.")
    Views.RegionFigures region(@PathVariable String code) {
        requireRegionCode(code);
        return figures.current().region(code).orElseThrow(() -> Problems.notFound("region", code));
    }

    @GetMapping("/programmes")
    @Operation(summary = "Every programme with its progress against its targets")
    List<Views.ProgrammeSummary> programmes() {
        return figures.current().programmes();
    }

    @GetMapping("/programmes/{id}")
    @Operation(summary = "One programme's progress", description = "Progress against targets, participants, partners, "
            + "outputs, the funnel, its trainings, and progress by target region and the regions below them.")
    Views.ProgrammeFigures programme(@PathVariable String id) {
        requireId("id", id);
        return figures.current().programme(id).orElseThrow(() -> Problems.notFound("programme", id));
    }

    @GetMapping("/kims/{id}")
    @Operation(summary = "One KIM's development index, trainings and outputs")
    Views.KimFigures kim(@PathVariable String id) {
        requireId("id", id);
        return figures.current().kim(id).orElseThrow(() -> Problems.notFound("KIM", id));
    }

    static void requireRegionCode(String code) {
        if (!REGION_CODE.matcher(code).matches()) {
            throw Problems.exception(Problems.invalid(List.of(new ProblemDetailsAdvice.FieldProblem("code",
                    "'" + code + "' is not a Kemendagri region code (PP, PP.RR, PP.RR.DD or PP.RR.DD.VVVV)"))));
        }
    }

    static void requireId(String field, String id) {
        if (!ID.matcher(id).matches()) {
            throw Problems.exception(Problems.invalid(List.of(new ProblemDetailsAdvice.FieldProblem(field,
                    "'" + id + "' is not an id (a UUID such as 3f1c2a9e-5b7d-4c1e-9a0b-6d2e8f4a1c37)"))));
        }
    }
}
