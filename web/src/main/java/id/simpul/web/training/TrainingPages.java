package id.simpul.web.training;

import id.simpul.web.workspace.Forms;
import id.simpul.web.workspace.Me;
import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.ServiceProblem;
import id.simpul.web.workspace.Services;
import id.simpul.web.workspace.Steps;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trainings as the programme manager runs them — plan, schedule, reschedule, cancel, complete; invite partners and
 * see their answers; the enrolment list with its waitlist; the attendance sheet (tick boxes or the sign-in CSV); the
 * certificates — and as an invited partner answers: accept with speakers or decline with a reason. Times are the
 * venue's local time, named WIB, WITA or WIT. training-service decides who may see and do what.
 */
@Controller
@RequestMapping("/workspace/trainings")
class TrainingPages {

    static final List<String> STATUSES = List.of("DRAFT", "SCHEDULED", "COMPLETED", "CANCELLED");
    static final List<String> MODES = List.of("IN_PERSON", "ONLINE", "HYBRID");
    static final List<String> INPUTS = List.of("programmeId", "title", "topic", "mode", "venue.regionCode", "venue.address",
            "venue.meetingLink", "start", "end", "enrolmentDeadline", "capacity");
    static final List<String> RESCHEDULE = List.of("start", "end", "enrolmentDeadline", "reason");
    /** Speaker rows of the accept form; blank rows are left out. */
    static final int SPEAKER_ROWS = 3;

    private final ServiceClient training;

    TrainingPages(Services services) {
        this.training = services.training();
    }

    @GetMapping
    String list(@RequestParam(required = false) String programme, @RequestParam(required = false) String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String shownStatus = STATUSES.contains(status) ? status : null;
        String shownProgramme = programme == null || programme.isBlank() ? null : programme;
        model.addAttribute("trainings", training.get(uri -> uri.path("/api/trainings")
                .queryParamIfPresent("programme", java.util.Optional.ofNullable(shownProgramme))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(shownStatus))
                .queryParam("page", Math.max(0, page)).queryParam("size", 20).build()).body());
        model.addAttribute("status", shownStatus);
        model.addAttribute("programme", shownProgramme);
        model.addAttribute("statuses", STATUSES);
        return "trainings/list";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String programme, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        INPUTS.forEach(input -> values.put(input, ""));
        values.put("programmeId", programme == null ? "" : programme);
        values.put("mode", "IN_PERSON");
        return form(model, values, Map.of(), null);
    }

    @PostMapping
    String plan(@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
        try {
            ServiceClient.Json created = training.post("/api/trainings", Forms.request(fields, INPUTS, Set.of("capacity")), null);
            redirect.addFlashAttribute("notice", "training.planned");
            return "redirect:/workspace/trainings/" + created.body().get("id");
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            return form(model, Forms.values(fields, INPUTS), problem.fieldErrors(), problem.detail());
        }
    }

    private String form(Model model, Map<String, String> values, Map<String, String> errors, String problem) {
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("inputs", INPUTS);
        model.addAttribute("modes", MODES);
        model.addAttribute("programmes", training.get(uri -> uri.path("/api/programmes").queryParam("size", 100).build()).body());
        return "trainings/form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        Me me = Me.of(user);
        ServiceClient.Json shown = training.get("/api/trainings/{id}", id);
        Map<String, Object> session = shown.body();
        model.addAttribute("training", session);
        model.addAttribute("etag", shown.etag());
        boolean manages = me.isAny("PROGRAMME_MANAGER", "MINISTRY_ADMIN");
        model.addAttribute("manages", manages);
        model.addAttribute("steps", manages ? steps(String.valueOf(session.get("status"))) : List.of());
        model.addAttribute("enrolments", Enrolments.of(session));
        model.addAttribute("myInvitation", me.partnerId().isBlank() ? null : Enrolments.invitationOf(session, me.partnerId()));
        model.addAttribute("speakerRows", java.util.stream.IntStream.range(0, SPEAKER_ROWS).boxed().toList());
        if (manages && Set.of("DRAFT", "SCHEDULED").contains(session.get("status"))) {
            model.addAttribute("partners", ServiceClient.optional(() -> training.get(uri -> uri.path("/api/partners").queryParam("size", 100).build()).body()));
        }
        return "trainings/show";
    }

    /** The steps of the training's lifecycle a manager is offered from {@code status}; the service checks the rest. */
    static List<String> steps(String status) {
        return switch (status) {
            case "DRAFT" -> List.of("SCHEDULED", "CANCELLED");
            case "SCHEDULED" -> List.of("COMPLETED", "CANCELLED");
            default -> List.of();
        };
    }

    @PostMapping("/{id}/status")
    String changeStatus(@PathVariable String id, @RequestParam String status, @RequestParam(required = false) String reason,
                        RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return act(id, redirect, "training.status.changed." + status, () -> training.post("/api/trainings/{id}/status", body, null, id));
    }

    @PostMapping("/{id}/reschedule")
    String reschedule(@PathVariable String id, @RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        return act(id, redirect, "training.rescheduled",
                () -> training.post("/api/trainings/{id}/reschedule", Forms.request(fields, RESCHEDULE, Set.of()), null, id));
    }

    @PostMapping("/{id}/invitations")
    String invite(@PathVariable String id, @RequestParam(required = false) String partnerId, RedirectAttributes redirect) {
        return act(id, redirect, "training.invited",
                () -> training.post("/api/trainings/{id}/invitations", Map.of("partnerId", partnerId == null ? "" : partnerId), null, id));
    }

    /** The attendance sheet: the enrolments ticked present. */
    @PostMapping(value = "/{id}/attendance", params = "!sheet")
    String attendance(@PathVariable String id, @RequestParam(name = "present", required = false) List<String> present,
                      RedirectAttributes redirect) {
        return act(id, redirect, "training.attendance.recorded", () -> training.post("/api/trainings/{id}/attendance",
                Map.of("enrolmentIds", present == null ? List.of() : present), null, id));
    }

    /** The sign-in sheet as a CSV file, as training-service reads it. */
    @PostMapping(value = "/{id}/attendance", params = "sheet")
    String attendanceSheet(@PathVariable String id, @RequestParam(value = "file", required = false) MultipartFile file,
                           RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refusalKey", "file.missing.csv");
            return "redirect:/workspace/trainings/" + id;
        }
        byte[] content = file.getBytes();
        return act(id, redirect, "training.attendance.recorded",
                () -> training.postFile("/api/trainings/{id}/attendance", "file", file.getOriginalFilename(), content, id));
    }

    @PostMapping("/{id}/enrolments/{enrolment}/withdrawal")
    String withdraw(@PathVariable String id, @PathVariable String enrolment, RedirectAttributes redirect) {
        return act(id, redirect, "training.withdrawn", () -> training.delete("/api/enrolments/{id}", enrolment));
    }

    @PostMapping("/{id}/invitations/{invitation}/accept")
    String accept(@PathVariable String id, @PathVariable String invitation, @RequestParam MultiValueMap<String, String> fields,
                  RedirectAttributes redirect) {
        return act(id, redirect, "invitation.accepted",
                () -> training.post("/api/invitations/{id}/accept", Map.of("speakers", speakers(fields)), null, invitation));
    }

    /** The speaker rows that were filled in (a row with a name, a role or an e-mail address). */
    static List<Map<String, Object>> speakers(MultiValueMap<String, String> fields) {
        List<Map<String, Object>> speakers = new java.util.ArrayList<>();
        for (int row = 0; row < SPEAKER_ROWS; row++) {
            String prefix = "speakers[" + row + "].";
            Map<String, Object> speaker = Forms.request(fields, List.of(prefix + "name", prefix + "role", prefix + "email"), Set.of());
            if (speaker.get("speakers[" + row + "]") instanceof Map<?, ?> filled && !filled.isEmpty()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> one = (Map<String, Object>) filled;
                speakers.add(one);
            }
        }
        return speakers;
    }

    @PostMapping("/{id}/invitations/{invitation}/decline")
    String decline(@PathVariable String id, @PathVariable String invitation, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        return act(id, redirect, "invitation.declined", () -> training.post("/api/invitations/{id}/decline",
                Map.of("reason", reason == null ? "" : reason.strip()), null, invitation));
    }

    private static String act(String id, RedirectAttributes redirect, String notice, Runnable step) {
        Steps.take(redirect, notice, step);
        return "redirect:/workspace/trainings/" + id;
    }
}
