package id.simpul.web.kim;

import id.simpul.web.workspace.Me;
import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.ServiceProblem;
import id.simpul.web.workspace.Services;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The regional officer's KIM pages: the KIMs of their region (search, filter, sort, page), one KIM (profile, media,
 * officers, history with who and when, and the lifecycle steps allowed now), and the register form with the
 * service's field errors beside the fields. registry-service decides what each person may see and do.
 */
@Controller
@RequestMapping("/workspace/kims")
class KimPages {

    static final List<String> STATUSES = List.of("CANDIDATE", "SUBMITTED", "VERIFIED", "ACTIVE", "DORMANT", "REJECTED", "DISSOLVED");
    static final List<String> FOCUS_AREAS = List.of("UMKM", "TOURISM", "AGRICULTURE", "FISHERIES", "HEALTH", "EDUCATION",
            "LITERACY", "CULTURE", "ENVIRONMENT", "PUBLIC_SERVICES", "DIGITAL_ECONOMY", "OTHER");
    static final List<String> MEDIA_TYPES = List.of("WEBSITE", "INSTAGRAM", "FACEBOOK", "YOUTUBE", "TIKTOK", "X",
            "WHATSAPP", "RADIO", "BULLETIN", "OTHER");
    static final List<String> SORTS = List.of("name,asc", "name,desc", "registeredAt,desc", "registeredAt,asc", "memberCount,desc");
    /** The lifecycle steps that need a reason (registry-service's rule). */
    static final Set<String> NEED_REASON = Set.of("REJECTED", "DORMANT", "DISSOLVED");

    private final ServiceClient registry;
    private final ServiceClient reporting;
    private final ServiceClient training;

    KimPages(Services services) {
        this.registry = services.registry();
        this.training = services.training();
        this.reporting = services.reporting();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) String focusArea, @RequestParam(required = false) String hasMedia,
                @RequestParam(defaultValue = "name,asc") String sort, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        KimSearch search = new KimSearch(q, status, focusArea, hasMedia, sort != null && SORTS.contains(sort) ? sort : "name,asc", Math.max(0, page));
        model.addAttribute("search", search);
        model.addAttribute("kims", registry.get(search::uri).body());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("focusAreas", FOCUS_AREAS);
        model.addAttribute("sorts", SORTS);
        // htmx asks for the results only when the filters change.
        return htmx != null ? "kims/list :: results" : "kims/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        ServiceClient.Json kim = registry.get("/api/kims/{id}", id);
        model.addAttribute("kim", kim.body());
        model.addAttribute("etag", kim.etag());
        model.addAttribute("steps", KimSteps.offered(kim.body(), Me.of(user)));
        model.addAttribute("needReason", NEED_REASON);
        model.addAttribute("index", ServiceClient.optional(() -> reporting.get("/api/dashboard/kims/{id}", id).body()));
        model.addAttribute("certificates", ServiceClient.optional(() -> training.get("/api/kims/{id}/certificates", id).body()));
        return "kims/show";
    }

    /** The register form; {@code name} and {@code villageCode} come filled in from an import row's candidate. */
    @GetMapping("/new")
    String form(@RequestParam(required = false) String name, @RequestParam(required = false) String villageCode, Model model) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("status", "SUBMITTED"));
        values.put("name", name == null ? "" : name);
        values.put("villageCode", villageCode == null ? "" : villageCode);
        return form(model, values, Map.of(), null);
    }

    @PostMapping
    String register(@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        Map<String, String> form = KimForm.values(fields);
        try {
            ServiceClient.Json created = registry.post("/api/kims", KimForm.request(fields), null);
            redirect.addFlashAttribute("notice", "kim.registered");
            return "redirect:/workspace/kims/" + created.body().get("id");
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            return form(model, form, KimForm.errorsByInput(problem.fieldErrors()), problem.detail());
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        ServiceClient.Json kim = registry.get("/api/kims/{id}", id);
        model.addAttribute("kimId", id);
        model.addAttribute("etag", kim.etag());
        return form(model, KimForm.values(kim.body()), Map.of(), null);
    }

    /**
     * Saves the edit form: the profile as read when the form was opened (its ETag) with what was typed; when someone
     * changed the KIM meanwhile, the service says so (412) and the form stays as typed.
     */
    @PostMapping("/{id}")
    String update(@PathVariable String id, @RequestParam(required = false) String etag,
                  @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        Map<String, Object> current = registry.get("/api/kims/{id}", id).body();
        try {
            registry.put("/api/kims/{id}", KimForm.update(current, fields), etag == null || etag.isBlank() ? null : etag, id);
            redirect.addFlashAttribute("notice", "kim.updated");
            return "redirect:/workspace/kims/" + id;
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            model.addAttribute("kimId", id);
            model.addAttribute("etag", etag);
            return form(model, KimForm.values(fields), KimForm.errorsByInput(problem.fieldErrors()), problem.detail());
        }
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors, String problem) {
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("focusAreas", FOCUS_AREAS);
        model.addAttribute("mediaTypes", MEDIA_TYPES);
        // Errors of fields the form has no input for are listed below it.
        model.addAttribute("formInputs", KimForm.TEXT);
        return "kims/form";
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable String id, @RequestParam String status, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String etag, @RequestParam(defaultValue = "kim") String back,
                        RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason);
        }
        try {
            registry.post("/api/kims/{id}/status", body, etag == null || etag.isBlank() ? null : etag, id);
            redirect.addFlashAttribute("notice", "kim.status.changed." + status);
        } catch (ServiceProblem problem) {
            if (problem.status().value() >= 500 || problem.status().value() == 403 && "kim".equals(back)) {
                throw problem;
            }
            redirect.addFlashAttribute("refusal", problem.detail());
        }
        return "verification".equals(back) ? "redirect:/workspace/verification" : "redirect:/workspace/kims/" + id;
    }
}
