package id.simpul.platform;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens as every service reads them once it names its OpenID Connect provider: only a token signed by one of
 * the provider's keys (served as a real JWKS over HTTP here), of its issuer, for the audience {@code simpul} and not
 * expired is taken, and its caller becomes the actor of the request; every other token is 401 with a problem.
 */
@WebMvcTest(controllers = PlatformSecurityTest.WhoController.class)
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class, PlatformSecurity.class})
@Import({ProblemDetailsAdvice.class, PlatformSecurityTest.WhoController.class})
class PlatformSecurityTest {

    private static final RSAKey KEY = generate("key-1");
    private static final RSAKey STRANGER = generate("key-1");
    private static final HttpServer JWKS = jwks(new JWKSet(KEY.toPublicJWK()));
    private static final String ISSUER = "http://127.0.0.1:" + JWKS.getAddress().getPort();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("simpul.security.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Autowired
    MockMvcTester mvc;

    @RestController
    static class WhoController {
        @GetMapping("/who")
        String who() {
            return Actor.current().map(a -> a.id() + " " + a.roles() + " " + a.regionScope()).orElse("anonymous");
        }

        @PostMapping("/changes")
        String change() {
            return Actor.current().map(Actor::id).orElse("anonymous");
        }
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("simpul").subject("u-1")
                .claim("preferred_username", "kominfo.banjar").claim("roles", List.of("REGENCY_OFFICER"))
                .claim("region_scope", "63.03").issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockMvcTester.MockMvcRequestBuilder who(String token) {
        return mvc.get().uri("/who").header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Test
    void aGoodTokensCallerIsTheActorOfTheRequest() {
        assertThat(who(signed(claims().build(), KEY))).hasStatus(200).hasBodyTextEqualTo("kominfo.banjar [REGENCY_OFFICER] 63.03");
        assertThat(mvc.post().uri("/changes").header(HttpHeaders.AUTHORIZATION, "Bearer " + signed(claims().build(), KEY)))
                .hasStatus(200).hasBodyTextEqualTo("kominfo.banjar");
        assertThat(Actor.current()).as("nothing is left on the thread").isEmpty();
    }

    @Test
    void withoutATokenTheCallerIsAnonymousHere() {
        assertThat(mvc.get().uri("/who")).hasStatus(200).hasBodyTextEqualTo("anonymous");
    }

    @Test
    void anExpiredTokenIs401WithAProblemAndWwwAuthenticate() {
        String expired = signed(claims().issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(1800))).build(), KEY);

        var answer = who(expired).exchange();

        assertThat(answer).hasStatus(401).bodyJson().isLenientlyEqualTo("""
                {"type": "https://simpul.id/problems/unauthorized", "title": "Not signed in", "status": 401}""");
        assertThat(answer.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer error=\"invalid_token\"")
                .contains("expired");
    }

    @Test
    void aTokenOfAnotherIssuerOrForAnotherAudienceIs401() {
        assertThat(who(signed(claims().issuer("https://elsewhere.example").build(), KEY))).hasStatus(401);
        assertThat(who(signed(claims().audience("another-system").build(), KEY))).hasStatus(401)
                .bodyJson().extractingPath("$.detail").asString().contains("not for simpul");
    }

    @Test
    void anUnsignedTokenAnHmacTokenAndATamperedOneAre401() throws Exception {
        String none = new PlainJWT(claims().build()).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded().length >= 32
                ? java.util.Arrays.copyOf(KEY.toRSAPublicKey().getEncoded(), 64) : new byte[64]));
        String good = signed(claims().build(), KEY);
        String[] parts = good.split("\\.");
        String widerScope = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("63.03", "63").getBytes(StandardCharsets.UTF_8));

        assertThat(who(none)).hasStatus(401);
        assertThat(who(hmac.serialize())).hasStatus(401);
        assertThat(who(parts[0] + "." + widerScope + "." + parts[2])).as("claims changed after signing").hasStatus(401);
        assertThat(who(signed(claims().build(), STRANGER))).as("signed by a key the provider does not list").hasStatus(401);
        assertThat(who("not-a-token")).hasStatus(401);
    }

    @Test
    void aTokenCannotMakeItsCallerSimpulItself() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("preferred_username", "forger")
                .claim("roles", List.of("SYSTEM", "VIEWER")).claim("region_scope", "").claim("kim_id", "k-1").build();

        Actor actor = PlatformSecurity.ActorFromToken.actor(jwt);

        assertThat(actor.roles()).containsExactly("VIEWER");
        assertThat(actor.isSystem()).isFalse();
        assertThat(actor.kimId()).isEqualTo("k-1");
    }

    private static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwks(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
