package id.simpul.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;

/**
 * Who is calling. When {@code simpul.security.issuer-uri} names Simpul's OpenID Connect provider (identity-service,
 * or Keycloak in docker-compose), a request that carries a bearer token is served only if the token holds: signed
 * (RS256) by a key of the provider's JWKS, issued by it, for the audience {@code simpul}, not expired. Anything else
 * is {@code 401} with a problem detail and {@code WWW-Authenticate}. The caller of a good token is the {@link Actor}
 * of the changes the request makes, so that the events it causes say who made them.
 * <p>
 * Which caller may call which operation (docs/access.md) is decided in the application services, on that actor;
 * requests without a token are anonymous here. Without an issuer, tokens are not read at all. Sessions, cookies and
 * CSRF tokens play no part: every change is a request with a bearer token.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableWebSecurity
@EnableConfigurationProperties(PlatformSecurity.Settings.class)
public class PlatformSecurity {

    private static final Logger log = LoggerFactory.getLogger(PlatformSecurity.class);

    /**
     * {@code simpul.security.*}: the provider's issuer (empty: tokens are not read), where its keys are when not at
     * the issuer's {@code /oauth2/jwks} (Keycloak: {@code /protocol/openid-connect/certs}), the audience tokens must name.
     */
    @ConfigurationProperties("simpul.security")
    public record Settings(String issuerUri, String jwkSetUri, String audience) {
        public Settings {
            issuerUri = issuerUri == null ? "" : issuerUri.strip();
            audience = audience == null || audience.isBlank() ? "simpul" : audience.strip();
            jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank()
                    ? (issuerUri.isEmpty() ? "" : issuerUri.replaceFirst("/$", "") + "/oauth2/jwks") : jwkSetUri.strip();
        }

        public boolean readsTokens() {
            return !issuerUri.isEmpty();
        }
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain simpulFilterChain(HttpSecurity http, Settings settings) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // Responses keep the caching they had (ETags, static files); the other protective headers stay.
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                // Health is public (its details only for operators: management.endpoint.health.roles); metrics and
                // every other actuator endpoint are the operators'. The API's rights are the application's (Access).
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasAnyAuthority(OPERATIONS_ROLES)
                        .anyRequest().permitAll());
        if (settings.readsTokens()) {
            AuthenticationEntryPoint unauthorized = unauthorized();
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder(settings)).jwtAuthenticationConverter(roles()))
                            .authenticationEntryPoint(unauthorized))
                    .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden()))
                    .addFilterAfter(new ActorFromToken(), BearerTokenAuthenticationFilter.class);
        }
        return http.build();
    }

    /** Who runs the system: they see health details and metrics (docs/access.md, "Every service"). */
    static final String[] OPERATIONS_ROLES = {"OPERATOR", "MINISTRY_ADMIN"};

    /** The token's {@code roles} as authorities, plain and as {@code ROLE_} (Simpul's own role is never taken). */
    static org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter roles() {
        org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter converter =
                new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null ? List.of() : roles.stream().filter(role -> !Actor.SYSTEM_ROLE.equals(role))
                    .<org.springframework.security.core.GrantedAuthority>flatMap(role -> java.util.stream.Stream.of(
                            new org.springframework.security.core.authority.SimpleGrantedAuthority(role),
                            new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_" + role)))
                    .toList();
        });
        return converter;
    }

    /** RS256 only (no {@code none}, no HMAC with a public key), the issuer, the audience, the time. */
    static JwtDecoder decoder(Settings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for " + settings.audience(), null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuerUri()), audience));
        return decoder;
    }

    /** 401 as a problem detail, with the {@code WWW-Authenticate} header RFC 6750 asks for. */
    private static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        JsonMapper json = JsonMapper.builder().build();
        return (request, response, failure) -> {
            bearer.commence(request, response, failure);
            log.info("sign-in refused: {} {} ({})", request.getMethod(), request.getRequestURI(), Problems.firstLine(failure));
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in",
                    "The bearer token is missing, expired or not one of this system's: " + Problems.firstLine(failure));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(Problems.asMap(problem)));
        };
    }

    /** 403 as a problem detail naming what is missing: an operator's role, for the actuator's endpoints. */
    private static org.springframework.security.web.access.AccessDeniedHandler forbidden() {
        JsonMapper json = JsonMapper.builder().build();
        return (request, response, denied) -> {
            log.info("access refused status=403 right=operations uri={}", request.getRequestURI());
            ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only OPERATOR and MINISTRY_ADMIN read " + request.getRequestURI() + ".");
            problem.setProperty("missingRight", "operations");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(Problems.asMap(problem)));
        };
    }

    /** URLs the firewall refuses (encoded slashes, path traversal) get a 400 problem like every other bad request. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        JsonMapper json = JsonMapper.builder().build();
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(Problems.asMap(Problems.of(HttpStatus.BAD_REQUEST,
                    "invalid-request", "Invalid request", "The request's address is not one this service takes."))));
        };
    }

    /** The caller of a good token acts for the rest of the request (identity-service's API chain uses it too). */
    public static final class ActorFromToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
                chain.doFilter(request, response);
                return;
            }
            try (Actor.Acting acting = Actor.enter(actor(token.getToken()))) {
                chain.doFilter(request, response);
            }
        }

        static Actor actor(Jwt jwt) {
            String name = jwt.getClaimAsString("preferred_username");
            List<String> claimed = jwt.getClaimAsStringList("roles");
            // Simpul's own role is never granted by a token, whoever signed it.
            List<String> roles = claimed == null ? List.of() : claimed.stream().filter(role -> !Actor.SYSTEM_ROLE.equals(role)).toList();
            return new Actor(name == null || name.isBlank() ? jwt.getSubject() : name, roles, jwt.getClaimAsString("region_scope"),
                    jwt.getClaimAsString("partner_id"), jwt.getClaimAsString("kim_id"));
        }
    }
}
