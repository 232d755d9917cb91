package id.simpul.identity.token;

import id.simpul.identity.SimpulClaims;
import id.simpul.identity.client.MongoRegisteredClients;
import id.simpul.identity.user.UserAccount;
import id.simpul.identity.user.UserStore;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts who the bearer is into the access and ID tokens: {@code roles}, {@code region_scope} (empty: the whole
 * country), {@code partner_id}, {@code kim_id}, and the audience {@code simpul}. People's claims are read from the
 * user store when the token is made; a machine client's roles are those registered with the client.
 */
@Component
class SimpulTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserStore users;

    SimpulTokenClaims(UserStore users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = "id_token".equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        List<String> audience = new ArrayList<>();
        if (idToken) {
            audience.add(context.getRegisteredClient().getClientId());
        }
        audience.add(SimpulClaims.AUDIENCE);
        context.getClaims().audience(audience);
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim(SimpulClaims.ROLES, MongoRegisteredClients.roles(context.getRegisteredClient()));
            context.getClaims().claim(SimpulClaims.REGION_SCOPE, "");
            return;
        }
        UserAccount user = users.byUsername(context.getPrincipal().getName())
                .filter(UserAccount::enabled)
                // Disabled after signing in (or between refreshes): no new tokens for them.
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The user is disabled or no longer exists.", null)));
        claims(context, user);
    }

    private static void claims(JwtEncodingContext context, UserAccount user) {
        context.getClaims().claim(SimpulClaims.ROLES, user.roles().stream().map(Enum::name).sorted().toList());
        context.getClaims().claim(SimpulClaims.REGION_SCOPE, user.scope().code());
        if (user.partnerId() != null) {
            context.getClaims().claim(SimpulClaims.PARTNER_ID, user.partnerId());
        }
        if (user.kimId() != null) {
            context.getClaims().claim(SimpulClaims.KIM_ID, user.kimId());
        }
        if (user.displayName() != null) {
            context.getClaims().claim("name", user.displayName());
        }
    }
}
