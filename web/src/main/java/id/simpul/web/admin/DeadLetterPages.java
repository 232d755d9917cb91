package id.simpul.web.admin;

import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.ServiceProblem;
import id.simpul.web.workspace.Services;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters of the consuming services (training-service, reporting-service) on one page, and one letter with
 * its payload: replay it as it was or with a corrected payload, or discard it with a reason. Each service decides
 * who may see and do this (the ministry admin).
 */
@Controller
@RequestMapping("/workspace/admin/dead-letters")
class DeadLetterPages {

    static final String API = "/api/admin/dead-letters";
    static final List<String> STATUSES = List.of("WAITING", "REPLAYED", "DISCARDED");
    private static final String LETTER = "/workspace/admin/dead-letters/{service}/{id}";

    /** The consuming services by the name their letters' addresses use (the mappings' {@code training|reporting}). */
    private final Map<String, ServiceClient> consumers = new LinkedHashMap<>();
    private final MessageSource messages;

    DeadLetterPages(Services services, MessageSource messages) {
        consumers.put("training", services.training());
        consumers.put("reporting", services.reporting());
        this.messages = messages;
    }

    /** Every consumer's letters with {@code status} (empty: any), newest first; a consumer that is away is named. */
    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        Optional<String> shown = shownStatus(status);
        int onPage = Math.max(0, page);
        Map<String, Map<String, Object>> pages = new LinkedHashMap<>();
        List<String> away = new ArrayList<>();
        consumers.forEach((name, client) -> {
            try {
                pages.put(name, client.get(uri -> uri.path(API).queryParamIfPresent("status", shown)
                        .queryParam("page", onPage).queryParam("size", 20).build()).body());
            } catch (ServiceProblem problem) {
                if (problem.status().value() < 500) {
                    throw problem;
                }
                away.add(name);
            }
        });
        model.addAttribute("list", DeadLetterList.of(pages));
        model.addAttribute("away", away);
        model.addAttribute("status", shown.orElse(""));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("page", onPage);
        return "admin/dead-letters";
    }

    /** The letters waiting unless a status is chosen; any status when "any" ({@code status=}) is. */
    static Optional<String> shownStatus(String status) {
        return status == null ? Optional.of("WAITING") : Optional.of(status).filter(STATUSES::contains);
    }

    @GetMapping("/{service:training|reporting}/{id}")
    String show(@PathVariable String service, @PathVariable String id, Model model) {
        return letter(model, service, id, Map.of(), Map.of(), null);
    }

    @PostMapping("/{service:training|reporting}/{id}/replay")
    String replay(@PathVariable String service, @PathVariable String id, @RequestParam(required = false) String payload,
                  @RequestParam(required = false) String note, Locale locale, Model model, RedirectAttributes redirect) {
        ServiceClient consumer = consumers.get(service);
        Map<String, String> typed = typed(payload, note, null);
        Map<String, Object> request;
        try {
            request = Replays.request(payload, Replays.shownPayload(consumer.get(API + "/{id}", id).body()), note);
        } catch (Replays.NotJson notJson) {
            String message = messages.getMessage("admin.deadLetter.payload.notJson", new Object[] {notJson.getMessage()}, locale);
            return letter(model, service, id, typed, Map.of("payload", message), message);
        }
        try {
            consumer.post(API + "/{id}/replay", request, null, id);
            redirect.addFlashAttribute("notice", request.containsKey("payload") ? "admin.notice.replayedCorrected" : "admin.notice.replayed");
            return "redirect:" + address(service, id);
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            return letter(model, service, id, typed, problem.fieldErrors(), problem.detail());
        }
    }

    @PostMapping("/{service:training|reporting}/{id}/discard")
    String discard(@PathVariable String service, @PathVariable String id, @RequestParam(required = false) String reason,
                   Model model, RedirectAttributes redirect) {
        try {
            consumers.get(service).post(API + "/{id}/discard", Map.of("reason", reason == null ? "" : reason.strip()), null, id);
            redirect.addFlashAttribute("notice", "admin.notice.discarded");
            return "redirect:" + address(service, id);
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            return letter(model, service, id, typed(null, null, reason), problem.fieldErrors(), problem.detail());
        }
    }

    /** The letter's page, read afresh (a failed replay is one of its attempts), with what was typed and the errors. */
    private String letter(Model model, String service, String id, Map<String, String> typed, Map<String, String> errors, String problem) {
        Map<String, Object> letter = consumers.get(service).get(API + "/{id}", id).body();
        String complete = Replays.shownPayload(letter);
        Map<String, String> form = new LinkedHashMap<>(typed(complete, "", ""));
        form.putAll(typed);
        model.addAttribute("letter", letter);
        model.addAttribute("service", service);
        model.addAttribute("payloadComplete", complete != null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "admin/dead-letter";
    }

    private static Map<String, String> typed(String payload, String note, String reason) {
        Map<String, String> typed = new LinkedHashMap<>();
        if (payload != null) {
            typed.put("payload", payload);
        }
        if (note != null) {
            typed.put("note", note);
        }
        if (reason != null) {
            typed.put("reason", reason);
        }
        return typed;
    }

    static String address(String service, String id) {
        return UriComponentsBuilder.fromPath(LETTER).encode().buildAndExpand(service, id).toUriString();
    }
}
