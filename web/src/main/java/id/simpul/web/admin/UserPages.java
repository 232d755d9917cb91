package id.simpul.web.admin;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * The users a ministry admin (or a province officer, inside their province) administers: the list by username, one
 * user with disable and enable, and the create form with identity-service's field errors beside the fields.
 * identity-service decides who may see and grant what; it has no way to change a user's roles or scope.
 */
@Controller
@RequestMapping("/workspace/admin/users")
class UserPages {

    private final ServiceClient identity;
    private final ServiceClient training;

    UserPages(Services services) {
        this.identity = services.identity();
        this.training = services.training();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        int shown = Math.max(0, page);
        model.addAttribute("users", identity.get(uri -> uri.path("/api/users").queryParam("page", shown)
                .queryParam("size", 20).build()).body());
        model.addAttribute("page", shown);
        return "admin/users";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, Model model) {
        model.addAttribute("user", identity.get("/api/users/{id}", id).body());
        return "admin/user";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal OidcUser user, Model model) {
        Me me = Me.of(user);
        if (!me.administersUsers()) {
            // The form calls identity-service only when sent; without this it would show to anyone signed in.
            throw ServiceProblem.notForYou("Creating users is for the ministry admin, and for province officers inside their province.");
        }
        return form(model, me, UserForm.blank(), Map.of(), null);
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> fields, @AuthenticationPrincipal OidcUser user, Model model,
                  RedirectAttributes redirect) {
        try {
            ServiceClient.Json created = identity.post("/api/users", UserForm.request(fields), null);
            redirect.addFlashAttribute("notice", "admin.notice.userCreated");
            return "redirect:/workspace/admin/users/" + created.body().get("id");
        } catch (ServiceProblem refused) {
            ServiceProblem problem = refused.aboutTheInput();
            return form(model, Me.of(user), UserForm.values(fields), UserForm.errorsByInput(problem.fieldErrors()), problem.detail());
        }
    }

    private String form(Model model, Me me, Map<String, Object> values, Map<String, String> errors, String problem) {
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("inputs", UserForm.INPUTS);
        model.addAttribute("roles", UserForm.grantable(me));
        // Without the partner list (training-service away or refusing) the partner id is typed.
        model.addAttribute("partners", ServiceClient.optional(() -> training.get(uri -> uri.path("/api/partners")
                .queryParam("size", 100).build()).body()));
        return "admin/user-form";
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable String id, RedirectAttributes redirect) {
        Steps.take(redirect, "admin.notice.userDisabled", () -> identity.post("/api/users/{id}/disable", Map.of(), null, id));
        return "redirect:/workspace/admin/users/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable String id, RedirectAttributes redirect) {
        Steps.take(redirect, "admin.notice.userEnabled", () -> identity.post("/api/users/{id}/enable", Map.of(), null, id));
        return "redirect:/workspace/admin/users/" + id;
    }
}
