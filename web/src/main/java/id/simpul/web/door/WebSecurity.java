package id.simpul.web.door;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who may open what at the front door. The dashboard, its figures and the sign-in are public; the workspace needs a
 * session, begun by signing in at the identity provider (authorization code with PKCE). The browser holds only the
 * session cookie: the tokens stay in the session and go to the services with each call (token relay). Every
 * change through a page or a routed API call needs the session's CSRF token, so another site cannot make one. What a
 * signed-in person may do is decided by the services (docs/access.md), never here.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    /** The one client registration: identity-service in the embedded default, Keycloak in docker-compose. */
    public static final String REGISTRATION = "simpul";
    static final String AUTHORIZATION_BASE = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI;

    @Bean
    SecurityFilterChain web(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        // The sign-out form ends at the provider's end-session endpoint: forms may go there too.
        URI authorization = URI.create(registrations.findByRegistrationId(REGISTRATION).getProviderDetails().getAuthorizationUri());
        String provider = authorization.getScheme() + "://" + authorization.getRawAuthority();
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/workspace", "/workspace/**").authenticated()
                        .requestMatchers("/", "/index.html", "/dashboard.css", "/dashboard.js", "/messages.js",
                                "/workspace.css", "/workspace.js", "/favicon.svg", "/maps/**", "/webjars/**",
                                "/api/**", "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
                        .defaultSuccessUrl("/workspace"))
                .oauth2Client(Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .headers(headers -> headers
                        // Scripts only from this origin; ECharts writes style attributes into its tooltips.
                        .contentSecurityPolicy(csp -> csp.policyDirectives(String.join("; ",
                                "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
                                "img-src 'self' data:", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
                                "base-uri 'self'", "form-action 'self' " + provider, "frame-ancestors 'none'")))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /** Roles from the ID token's {@code roles} claim, as {@code ROLE_<name>}, for the pages to show what fits. */
    @Bean
    GrantedAuthoritiesMapper simpulRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object roles = oidc.getIdToken().getClaims().get("roles");
                    if (roles instanceof Collection<?> names) {
                        names.forEach(name -> mapped.add(new SimpleGrantedAuthority("ROLE_" + name)));
                    }
                }
            }
            return mapped;
        };
    }

    /** Gives each call the user's access token, refreshed with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
