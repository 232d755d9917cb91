package id.simpul.testinfra;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token issuer of a service's own tests: one RSA key per test JVM, its JWKS served on a loopback port, access
 * tokens shaped as identity-service's (issuer, audience {@code simpul}, RS256, the Simpul claims). A service under
 * test validates them as it validates real ones, through {@code simpul.security.issuer-uri}; the system tests use
 * identity-service itself.
 */
public final class TestIssuer {

    private static final TestIssuer INSTANCE = new TestIssuer();

    private final RSAKey key;
    private final HttpServer server;
    private final Map<Caller, String> tokens = new ConcurrentHashMap<>();

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test token issuer", e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.setExecutor(null);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    public static TestIssuer get() {
        return INSTANCE;
    }

    public String issuerUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A token for {@code caller}, good for an hour (one per caller, reused). */
    public String token(Caller caller) {
        return tokens.computeIfAbsent(caller, c -> sign(c, Duration.ofHours(1)));
    }

    /** A token that expired {@code ago}. */
    public String expired(Caller caller, Duration ago) {
        return sign(caller, ago.negated());
    }

    private String sign(Caller caller, Duration valid) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuerUri()).audience("simpul")
                .subject(caller.id()).claim("preferred_username", caller.id())
                .claim("roles", caller.roles()).claim("region_scope", caller.regionScope())
                .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plus(valid)));
        if (caller.partnerId() != null) {
            claims.claim("partner_id", caller.partnerId());
        }
        if (caller.kimId() != null) {
            claims.claim("kim_id", caller.kimId());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client of the service on {@code port} signed in as {@code caller}. */
    public static Http as(Caller caller, int port) {
        return Http.local(port).as(get().token(caller));
    }
}
