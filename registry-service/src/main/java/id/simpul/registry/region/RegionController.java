package id.simpul.registry.region;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import id.simpul.platform.access.Allowed;
import id.simpul.regions.Region;
import id.simpul.regions.RegionCode;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import id.simpul.platform.ServedFromMemory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/regions")
@Validated
@Tag(name = "Regions", description = "Indonesia's Kemendagri regions: provinces, regencies/cities, districts, villages/kelurahan")
// The dataset is held in memory: these answers never wait for the store.
@ServedFromMemory
class RegionController {

    private final RegionDataset regions;

    RegionController(RegionDataset regions) {
        this.regions = regions;
    }

    record Dataset(String decree, String source, Map<RegionLevel, Integer> counts) {
    }

    @GetMapping("/dataset")
    @Allowed(RegionRights.READ)
    @Operation(operationId = "getRegionDataset", summary = "The region dataset", description = "Its version (the Kemendagri decree), its source and licence, "
            + "and how many regions it holds at each level.")
    Dataset dataset() {
        Map<RegionLevel, Integer> counts = new EnumMap<>(RegionLevel.class);
        for (RegionLevel level : RegionLevel.values()) {
            counts.put(level, regions.count(level));
        }
        return new Dataset(RegionDataset.DECREE, RegionDataset.SOURCE, counts);
    }

    @GetMapping("/{code}")
    @Allowed(RegionRights.READ)
    @Operation(operationId = "getRegion", summary = "One region", description = "Its name, level, parent, province, time "
            + "zone, and how many regions lie directly and altogether below it. A code of another shape is 400.")
    RegionResponse get(@PathVariable @Parameter(description = "A Kemendagri code such as 63, 63.03, 63.03.05 or 63.03.05.1001",
            schema = @Schema(pattern = RegionCode.PATTERN, maxLength = 13)) String code) {
        if (!RegionCode.isCode(code)) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem("code", RegionCode.FORMAT))));
        }
        Region region = regions.find(code).orElseThrow(() -> Problems.notFound("region", code));
        return RegionResponse.of(region, regions);
    }

    @GetMapping
    @Allowed(RegionRights.READ)
    @Operation(operationId = "listRegions", summary = "List or search regions", description = "Without parameters: the provinces. parent=63.03: the "
            + "regions directly below 63.03. q=banjar: regions whose name contains the text (exact names first), "
            + "optionally of one level and within one region. Paged.")
    PageResponse<RegionResponse> list(@RequestParam(required = false) String parent,
                                      @RequestParam(required = false) @Size(max = 100) String q,
                                      @RequestParam(required = false) RegionLevel level,
                                      @RequestParam(required = false) String within,
                                      @Valid PageQuery page) {
        if (parent != null && q != null) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem("q", "cannot be combined with parent; use within"))));
        }
        List<Region> found;
        if (q != null) {
            found = regions.search(q, level, known("within", within));
        } else {
            found = regions.children(known("parent", parent));
            if (level != null) {
                found = found.stream().filter(r -> r.level() == level).toList();
            }
        }
        return PageResponse.slice(found, page).map(r -> RegionResponse.of(r, regions));
    }

    private String known(String parameter, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (regions.find(code).isEmpty()) {
            throw Problems.exception(Problems.invalid(List.of(new FieldProblem(parameter,
                    RegionCode.NOT_A_CODE + " such as 63, 63.03 or 63.03.05"))));
        }
        return code;
    }
}
