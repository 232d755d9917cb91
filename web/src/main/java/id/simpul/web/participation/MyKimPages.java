package id.simpul.web.participation;

import id.simpul.web.workspace.Forms;
import id.simpul.web.workspace.Me;
import id.simpul.web.workspace.Refusals;
import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.ServiceProblem;
import id.simpul.web.workspace.Services;
import id.simpul.web.workspace.Steps;
import id.simpul.web.workspace.Times;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The KIM officer's page, made for a phone: their KIM, the trainings open to it (enrol a member), the members'
 * enrolments (withdraw) and certificates, and the output report (channel, link, date, people reached).
 */
@Controller
@RequestMapping("/workspace/my-kim")
class MyKimPages {

    static final List<String> CHANNELS = List.of("WHATSAPP", "INSTAGRAM", "FACEBOOK", "TIKTOK", "YOUTUBE", "X", "WEBSITE",
            "RADIO", "BULLETIN", "FACE_TO_FACE", "OTHER");
    static final List<String> OUTPUT_INPUTS = List.of("trainingId", "channel", "url", "publishedOn", "peopleReached", "description");

    private final ServiceClient registry;
    private final ServiceClient training;

    MyKimPages(Services services) {
        this.registry = services.registry();
        this.training = services.training();
    }

    @GetMapping
    String show(@AuthenticationPrincipal OidcUser user, Model model) {
        return page(Me.of(user), model, Map.of(), Map.of(), null);
    }

    private String page(Me me, Model model, Map<String, String> output, Map<String, String> errors, String problem) {
        String kimId = kimOf(me);
        Map<String, Object> kim = registry.get("/api/kims/{id}", kimId).body();
        model.addAttribute("kim", kim);
        Map<String, Object> enrolments = ServiceClient.optional(() -> training.get("/api/kims/{id}/enrolments", kimId).body());
        model.addAttribute("open", ServiceClient.optional(() -> training.get("/api/kims/{id}/open-trainings", kimId).body()));
        model.addAttribute("enrolments", enrolments);
        model.addAttribute("enrolledTrainings", trainingsOf(enrolments));
        Map<String, String> form = new LinkedHashMap<>(output);
        // An output is published on a day of the KIM's own zone: today there, unless the officer says otherwise.
        form.putIfAbsent("publishedOn", java.time.LocalDate.now(Times.zone(kim.get("place") instanceof Map<?, ?> place
                ? place.get("timeZone") : null)).toString());
        model.addAttribute("certificates", ServiceClient.optional(() -> training.get("/api/kims/{id}/certificates", kimId).body()));
        model.addAttribute("programmes", ServiceClient.optional(() -> training.get(uri -> uri.path("/api/programmes")
                .queryParam("size", 50).build()).body()));
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "participation/my-kim";
    }

    /** The trainings the KIM's members enrolled in, each once, for the output's "from the training". */
    static List<Map<?, ?>> trainingsOf(Map<String, Object> enrolments) {
        Map<Object, Map<?, ?>> byId = new LinkedHashMap<>();
        if (enrolments != null && enrolments.get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> i && i.get("training") instanceof Map<?, ?> t) {
                    byId.putIfAbsent(t.get("id"), t);
                }
            }
        }
        return List.copyOf(byId.values());
    }

    /** The KIM the officer acts for; a person without one has no such page (403, as the services would say). */
    private static String kimOf(Me me) {
        if (me.kimId().isBlank()) {
            throw ServiceProblem.notForYou("This page is for the officer of a KIM (kim_id).");
        }
        return me.kimId();
    }

    @PostMapping("/enrolments")
    String enrol(@AuthenticationPrincipal OidcUser user, @RequestParam String trainingId, @RequestParam(required = false) String name,
                 @RequestParam(required = false) String role, RedirectAttributes redirect) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("name", name == null ? "" : name.strip());
        if (role != null && !role.isBlank()) {
            participant.put("role", role.strip());
        }
        return act(redirect, "enrolment.made", () -> training.post("/api/trainings/{id}/enrolments",
                Map.of("kimId", kimOf(Me.of(user)), "participant", participant), null, trainingId));
    }

    @PostMapping("/enrolments/{id}/withdrawal")
    String withdraw(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "training.withdrawn", () -> training.delete("/api/enrolments/{id}", id));
    }

    @PostMapping("/outputs")
    String report(@AuthenticationPrincipal OidcUser user, @RequestParam(required = false) String programmeId,
                  @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        Me me = Me.of(user);
        Map<String, Object> request = new LinkedHashMap<>(Map.of("kimId", kimOf(me)));
        request.putAll(Forms.request(fields, OUTPUT_INPUTS, Set.of("peopleReached")));
        try {
            training.post("/api/programmes/{id}/outputs", request, null, programmeId == null || programmeId.isBlank() ? "-" : programmeId);
            redirect.addFlashAttribute("notice", "output.reported");
            return "redirect:/workspace/my-kim";
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            Map<String, String> values = Forms.values(fields, OUTPUT_INPUTS);
            values.put("programmeId", programmeId == null ? "" : programmeId);
            Map<String, String> errors = new LinkedHashMap<>(problem.fieldErrors());
            if (errors.isEmpty()) {
                errors.put("programmeId", problem.detail());
            }
            return page(me, model, values, errors, Refusals.text(problem));
        }
    }

    private static String act(RedirectAttributes redirect, String notice, Runnable step) {
        Steps.take(redirect, notice, step);
        return "redirect:/workspace/my-kim";
    }
}
