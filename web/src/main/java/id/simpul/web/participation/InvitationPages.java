package id.simpul.web.participation;

import id.simpul.web.workspace.Me;
import id.simpul.web.workspace.ServiceClient;
import id.simpul.web.workspace.ServiceProblem;
import id.simpul.web.workspace.Services;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;


/**
 * A partner's invitations, newest first, each with its training (the page where it is answered, with speakers or a
 * reason, and where the briefing materials are).
 */
@Controller
@RequestMapping("/workspace/invitations")
class InvitationPages {

    private final ServiceClient training;

    InvitationPages(Services services) {
        this.training = services.training();
    }

    @GetMapping
    String list(@AuthenticationPrincipal OidcUser user, Model model) {
        Me me = Me.of(user);
        if (me.partnerId().isBlank()) {
            throw ServiceProblem.notForYou("This page is for the people of a partner (partner_id).");
        }
        model.addAttribute("invitations", training.get(uri -> uri.path("/api/partners/{id}/invitations")
                .queryParam("size", 50).build(me.partnerId())).body());
        return "participation/invitations";
    }
}
