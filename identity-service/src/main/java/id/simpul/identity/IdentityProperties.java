package id.simpul.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code simpul.identity.*} (application.yml and README): the issuer, the demo users, the sign-in lock and the
 * secrets of the confidential clients.
 */
@ConfigurationProperties("simpul.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8083") String issuer,
                                 @DefaultValue("false") boolean demoUsers,
                                 @DefaultValue("Simpul-Demo-2026!") String demoPassword,
                                 @DefaultValue Lockout lockout,
                                 @DefaultValue Clients clients) {

    /** {@code maxFailures} wrong passwords within {@code window} lock the account for {@code duration}. */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                          @DefaultValue("15m") Duration duration) {
    }

    /**
     * Where the web workspace receives its code and where it sends people after signing out, and the secrets of the
     * confidential clients.
     */
    public record Clients(@DefaultValue("http://localhost:8080/login/oauth2/code/simpul") String webRedirectUri,
                          @DefaultValue("http://localhost:8080/") String webSignedOutUri,
                          @DefaultValue("simpul-web-demo-secret") String webSecret,
                          @DefaultValue("outside-dashboard-demo-secret") String outsideDashboardSecret) {
    }
}
