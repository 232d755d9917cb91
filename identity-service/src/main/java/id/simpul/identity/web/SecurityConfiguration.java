package id.simpul.identity.web;

import id.simpul.platform.PlatformSecurity;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.simpul.identity.IdentityProperties;
import id.simpul.identity.authorization.MongoAuthorizations;
import id.simpul.identity.client.MongoRegisteredClients;
import id.simpul.identity.client.SimpulClients;
import id.simpul.identity.key.SigningKeys;
import id.simpul.identity.SimpulClaims;
import id.simpul.identity.user.SignInAccounts;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;

/**
 * Three filter chains: the authorization server's endpoints ({@code /oauth2/*}, OIDC discovery, JWKS, user info);
 * the JSON API ({@code /api/**}) as a resource server of this issuer's own tokens; and the sign-in page. Every
 * store behind them is this service's MongoDB database.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                // A browser that is not signed in is sent to the sign-in page; other clients get 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "Not signed in", "Send a bearer token issued by this identity-service (Authorization: Bearer ...)."))
                        .accessDeniedHandler((request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "The token does not grant this.")))
                // The caller acts for the request: the door (docs/access.md) and the events know who it is.
                .addFilterAfter(new PlatformSecurity.ActorFromToken(),
                        org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain signIn(HttpSecurity http, SignInOutcomes outcomes) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/sign-in.css", "/error", "/favicon.ico", "/actuator/**", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(outcomes).failureHandler(outcomes));
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String type,
                                String title, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + id.simpul.platform.Problems.TYPE_BASE + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(MongoTemplate mongo) {
        return new MongoRegisteredClients(mongo);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(MongoTemplate mongo) {
        return new MongoAuthorizations(mongo);
    }

    @Bean
    SigningKeys signingKeys(MongoTemplate mongo, Clock clock) {
        return new SigningKeys(mongo, clock);
    }

    /** What the JWKS publishes and the API verifies with: every key not retired. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.published();
    }

    /** New tokens are signed with the active key only. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signing());
    }

    /** The API takes tokens of this issuer, for the audience {@code simpul}. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<Collection<String>>("aud", aud -> aud != null && aud.contains(SimpulClaims.AUDIENCE))));
        return decoder;
    }

    @Bean
    ApplicationRunner registerClientsAndKeys(RegisteredClientRepository clients, PasswordEncoder encoder,
                                             IdentityProperties properties, SigningKeys keys) {
        return args -> {
            keys.ensureKey();
            SimpulClients.register(clients, encoder, properties);
        };
    }

    @Bean
    SignInOutcomes signInOutcomes(SignInAccounts accounts) {
        return new SignInOutcomes(accounts);
    }
}
