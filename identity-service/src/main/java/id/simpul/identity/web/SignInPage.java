package id.simpul.identity.web;

import id.simpul.identity.IdentityRights;
import id.simpul.platform.access.Allowed;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The sign-in form (templates/login.html), in Bahasa Indonesia or English. */
@Controller
class SignInPage {

    @GetMapping("/login")
    @Allowed(IdentityRights.SIGN_IN_PAGE)
    String signIn(HttpServletRequest request, Model model) {
        String lang = RequestContextUtils.getLocale(request).getLanguage();
        model.addAttribute("lang", lang);
        model.addAttribute("otherLang", lang.equals("en") ? "id" : "en");
        model.addAttribute("explicitLang", SignInLocale.explicit(request));
        for (String outcome : new String[] {"error", "locked", "disabled", "logout"}) {
            model.addAttribute(outcome, request.getParameter(outcome) != null);
        }
        return "login";
    }
}
