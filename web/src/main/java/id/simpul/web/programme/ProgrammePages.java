package id.simpul.web.programme;

import id.simpul.web.workspace.Forms;
import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.ServiceProblem;
import id.simpul.web.workspace.Services;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Programmes as the programme manager keeps them: the list with progress against targets, one programme with its
 * trainings, and one form to create or correct (title, theme, organiser, period, target regions, targets).
 */
@Controller
@RequestMapping("/workspace/programmes")
class ProgrammePages {

    static final List<String> INPUTS = List.of("title", "theme", "organiser.level", "organiser.regionCode", "organiser.name",
            "period.start", "period.end", "targets.trainings", "targets.kimsTrained", "targets.outputs", "targets.peopleReached");
    /** A correction cannot change the organiser. */
    static final List<String> CORRECTABLE = INPUTS.stream().filter(input -> !input.startsWith("organiser.")).toList();
    static final Set<String> NUMBERS = Set.of("targets.trainings", "targets.kimsTrained", "targets.outputs", "targets.peopleReached");
    static final List<String> THEMES = List.of("STUNTING", "ANTI_HOAX", "DIGITAL_UMKM", "ELECTIONS");

    private final ServiceClient training;

    ProgrammePages(Services services) {
        this.training = services.training();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("programmes", training.get(uri -> uri.path("/api/programmes")
                .queryParam("page", Math.max(0, page)).queryParam("size", 20).build()).body());
        return "programmes/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        ServiceClient.Json programme = training.get("/api/programmes/{id}", id);
        model.addAttribute("programme", programme.body());
        model.addAttribute("trainings", training.get(uri -> uri.path("/api/trainings").queryParam("programme", id)
                .queryParam("size", 50).build()).body());
        return "programmes/show";
    }

    @GetMapping("/new")
    String create(Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        INPUTS.forEach(input -> values.put(input, ""));
        values.put("theme", "STUNTING");
        values.put("organiser.level", "MINISTRY");
        values.put("targetRegions", "");
        return form(model, null, null, values, Map.of(), null);
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        ServiceClient.Json programme = training.get("/api/programmes/{id}", id);
        return form(model, id, programme.etag(), ProgrammeForm.values(programme.body()), Map.of(), null);
    }

    @PostMapping
    String save(@RequestParam MultiValueMap<String, String> fields, @RequestParam(required = false) String id,
                @RequestParam(required = false) String etag, Model model, RedirectAttributes redirect) {
        boolean creating = id == null || id.isBlank();
        Map<String, Object> request = Forms.request(fields, creating ? INPUTS : CORRECTABLE, NUMBERS);
        List<String> regions = Arrays.stream(String.valueOf(fields.getFirst("targetRegions")).split("[,\\s]+"))
                .filter(code -> !code.isBlank() && !"null".equals(code)).toList();
        if (creating || !regions.isEmpty()) {
            request.put("targetRegions", regions);
        }
        try {
            ServiceClient.Json saved = creating ? training.post("/api/programmes", request, null)
                    : training.patch("/api/programmes/{id}", request, etag == null || etag.isBlank() ? null : etag, id);
            redirect.addFlashAttribute("notice", creating ? "programme.created" : "programme.corrected");
            return "redirect:/workspace/programmes/" + saved.body().get("id");
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            Map<String, String> values = Forms.values(fields, INPUTS);
            values.put("targetRegions", String.join(", ", regions));
            return form(model, creating ? null : id, etag, values, ProgrammeForm.errorsByInput(problem.fieldErrors()), problem.detail());
        }
    }

    private String form(Model model, String id, String etag, Map<String, String> values, Map<String, String> errors, String problem) {
        model.addAttribute("id", id);
        model.addAttribute("etag", etag);
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("themes", THEMES);
        return "programmes/form";
    }
}
