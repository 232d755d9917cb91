package id.simpul.web.kim;

import id.simpul.web.workspace.Me;
import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.Services;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The province officer's verification queue: the KIMs submitted in their province, oldest first, each to verify
 * or to reject with a reason (the steps post to {@link KimPages}).
 */
@Controller
class VerificationQueue {

    private final ServiceClient registry;

    VerificationQueue(Services services) {
        this.registry = services.registry();
    }

    @GetMapping("/workspace/verification")
    String queue(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal OidcUser user, Model model) {
        int from = Math.max(0, page);
        Map<String, Object> kims = registry.get(uri -> uri.path("/api/kims").queryParam("status", "SUBMITTED")
                .queryParam("sort", "registeredAt,asc").queryParam("page", from).queryParam("size", KimSearch.SIZE).build()).body();
        Me me = Me.of(user);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (kims.get("items") instanceof List<?> items) {
            for (Object item : items) {
                @SuppressWarnings("unchecked") Map<String, Object> kim = (Map<String, Object>) item;
                // Four eyes: whoever submitted a KIM sees it here but does not verify it.
                rows.add(Map.of("kim", kim, "mine", me.username().equals(KimSteps.submitter(kim))));
            }
        }
        model.addAttribute("kims", kims);
        model.addAttribute("rows", rows);
        model.addAttribute("page", from);
        return "kims/verification";
    }
}
