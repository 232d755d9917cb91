package id.simpul.reporting.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard", description = "Figures built from the event streams")
class DashboardController {

    private final DashboardFigures figures;

    DashboardController(DashboardFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/summary")
    @Operation(summary = "National totals", description = "KIMs in total and by lifecycle status.")
    Summary summary() {
        return new Summary(figures.kims());
    }

    record Summary(DashboardFigures.KimFigures kims) {
    }
}
