package id.simpul.web.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every workspace page knows: who is signed in ({@code me}); and how a service's refusal is shown when a page
 * does not show it itself: as a page with the service's status (403 outside the scope, 404 unknown, 503 away), never
 * as an error of the web service.
 */
@ControllerAdvice(basePackages = "id.simpul.web")
class WorkspaceAdvice {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceAdvice.class);

    @ModelAttribute("me")
    Me me(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : Me.of(user);
    }

    /** This page's address without the language, for the language link to keep the person where they are. */
    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : java.util.Arrays.stream(request.getQueryString().split("&"))
                .filter(part -> !part.startsWith("lang=") && !part.isBlank())
                .collect(java.util.stream.Collectors.joining("&"));
        return request.getRequestURI() + (query.isEmpty() ? "?" : "?" + query + "&");
    }

    @ExceptionHandler(ServiceProblem.class)
    String refused(ServiceProblem problem, Model model, HttpServletRequest request, HttpServletResponse response,
                   @AuthenticationPrincipal OidcUser user) {
        int status = problem.status().value();
        if (status >= 500) {
            log.warn("A page could not be shown: {}", problem.getMessage());
        }
        response.setStatus(status);
        model.addAttribute("me", user == null ? null : Me.of(user));
        model.addAttribute("here", here(request));
        model.addAttribute("status", status);
        model.addAttribute("problemKey", status >= 500 ? "problem.away"
                : java.util.Set.of(400, 403, 404, 409, 412, 422).contains(status) ? "problem." + status : "problem.other");
        model.addAttribute("detail", problem.detail());
        model.addAttribute("service", problem.service());
        return "problem";
    }
}
