package id.simpul.identity.client;

import id.simpul.identity.IdentityProperties;
import id.simpul.identity.user.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The clients Simpul registers on first start: {@code simpul-cli} (public, authorization code + PKCE, any loopback
 * port), {@code simpul-web} (confidential, authorization code + PKCE) and, with the demo users, the machine client
 * {@code outside-dashboard} (client credentials, VIEWER). Implicit and password grants exist for none.
 */
public final class SimpulClients {

    public static final String CLI = "simpul-cli";
    public static final String WEB = "simpul-web";
    public static final String OUTSIDE_DASHBOARD = "outside-dashboard";
    /** RFC 8252: the port of a loopback IP redirect is not compared, so the CLI may listen on any free port. */
    public static final String CLI_REDIRECT = "http://127.0.0.1/callback";

    private SimpulClients() {
    }

    public static void register(RegisteredClientRepository clients, PasswordEncoder encoder, IdentityProperties properties) {
        registerIfMissing(clients, RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLI).clientName("Simpul command line")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(CLI_REDIRECT)
                .scopes(s -> s.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE)))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens())
                .build());
        registerIfMissing(clients, RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(WEB).clientName("Simpul web workspace")
                .clientSecret(encoder.encode(properties.clients().webSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(properties.clients().webRedirectUri())
                .postLogoutRedirectUri(properties.clients().webSignedOutUri())
                .scopes(s -> s.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE)))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens())
                .build());
        if (properties.demoUsers()) {
            registerIfMissing(clients, RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(OUTSIDE_DASHBOARD).clientName("Outside dashboard (demo)")
                    .clientSecret(encoder.encode(properties.clients().outsideDashboardSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("simpul.read")
                    .clientSettings(ClientSettings.builder().requireProofKey(false)
                            .setting(MongoRegisteredClients.ROLES_SETTING, List.of(Role.VIEWER.name())).build())
                    .tokenSettings(tokens())
                    .build());
        }
    }

    private static TokenSettings tokens() {
        return TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(15)).refreshTokenTimeToLive(Duration.ofHours(8)).build();
    }

    private static void registerIfMissing(RegisteredClientRepository clients, RegisteredClient client) {
        if (clients.findByClientId(client.getClientId()) == null) {
            clients.save(client);
        }
    }
}
