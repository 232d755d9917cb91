package id.simpul.identity.web;

import id.simpul.identity.user.SignInAccounts;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import java.io.IOException;

/**
 * What a sign-in leads to: a success clears the count of wrong passwords and continues where the user came from;
 * a wrong password is counted (enough of them lock the account) and the page says why, in the language chosen.
 */
class SignInOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    /** Every sign-in, good or not, as a structured entry: who, from where, the outcome. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("simpul.sign-in");

    private final SignInAccounts accounts;

    SignInOutcomes(SignInAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        accounts.succeeded(authentication.getName());
        log.atInfo().addKeyValue("outcome", "success").addKeyValue("user", authentication.getName())
                .addKeyValue("remote", request.getRemoteAddr())
                .log("sign-in outcome=success user={} remote={}", authentication.getName(), request.getRemoteAddr());
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = "error";
        if (e instanceof LockedException) {
            reason = "locked";
        } else if (e instanceof DisabledException) {
            reason = "disabled";
        } else if (e instanceof BadCredentialsException && accounts.failed(request.getParameter("username"))) {
            reason = "locked";
        }
        String outcome = reason.equals("error") ? "bad-credentials" : reason;
        log.atInfo().addKeyValue("outcome", outcome).addKeyValue("user", request.getParameter("username"))
                .addKeyValue("remote", request.getRemoteAddr())
                .log("sign-in outcome={} user={} remote={}", outcome, request.getParameter("username"), request.getRemoteAddr());
        String lang = SignInLocale.explicit(request);
        response.sendRedirect(request.getContextPath() + "/login?" + reason + (lang == null ? "" : "&lang=" + lang));
    }
}
