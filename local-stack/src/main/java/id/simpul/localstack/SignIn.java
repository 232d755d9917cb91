package id.simpul.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in at Simpul's OpenID Connect provider as the command line does ({@code ./simpul token}): the authorization
 * code flow with PKCE of the public client {@code simpul-cli}, through the provider's own sign-in form, answering on
 * a loopback redirect that is read from the provider's answer rather than listened on. Also the client credentials
 * grant of a machine client (an outside dashboard). Only the provider's real endpoints are used.
 */
public final class SignIn {

    /** The password identity-service gives its demo users unless {@code SIMPUL_IDENTITY_DEMO_PASSWORD} says another. */
    public static final String DEMO_PASSWORD = System.getenv().getOrDefault("SIMPUL_IDENTITY_DEMO_PASSWORD", "Simpul-Demo-2026!");
    static final String CLIENT = "simpul-cli";
    static final String REDIRECT = "http://127.0.0.1:49152/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;
    private final HttpClient client;

    public SignIn(String issuer) {
        this.issuer = issuer.replaceFirst("/$", "");
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** An access token for {@code username}, signing in with {@code password}. */
    public static String accessToken(String issuer, String username, String password) {
        return new SignIn(issuer).tokens(username, password).path("access_token").asText();
    }

    /** A machine client's access token (client credentials, HTTP Basic). */
    public static String clientToken(String issuer, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = new SignIn(issuer).send(HttpRequest.newBuilder(URI.create(issuer.replaceFirst("/$", "") + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        return json(expect(response, 200, "the token endpoint refused client " + clientId)).path("access_token").asText();
    }

    /** The token response (access and ID token) of the authorization code + PKCE flow. */
    public JsonNode tokens(String username, String password) {
        String verifier = random();
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", REDIRECT, "scope", "openid profile", "state", random().substring(0, 12),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toSignIn = expect(get(authorize), 302, "the authorization endpoint did not ask to sign in");
        HttpResponse<String> page = expect(get(location(toSignIn)), 200, "the sign-in page did not open");
        HttpResponse<String> signedIn = expect(send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf(page.body())))))), 302, "the sign-in form was not taken");
        String back = location(signedIn);
        if (!back.contains("/oauth2/authorize")) {
            throw new IllegalStateException("Signing in as " + username + " failed (wrong user name or password, or the "
                    + "account is locked or disabled): the provider answered with " + back);
        }
        String callback = location(expect(get(back), 302, "the authorization endpoint gave no code"));
        if (!callback.startsWith(REDIRECT + "?code=")) {
            throw new IllegalStateException("The provider did not give a code: " + callback);
        }
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", query(callback, "code"), "redirect_uri", REDIRECT, "client_id", CLIENT, "code_verifier", verifier)))));
        return json(expect(tokens, 200, "the token endpoint refused the code"));
    }

    private HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("identity-service at " + issuer + " cannot be reached (does Simpul run? "
                    + "./simpul status): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : issuer + pathOrUrl);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " (" + response.statusCode() + " " + response.uri() + "): " + response.body());
        }
        return response;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("No Location in " + response));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("The sign-in page holds no CSRF token");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The S256 code challenge of a PKCE verifier (RFC 7636). */
    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 random bytes, URL-safe Base64: a PKCE verifier, a state. */
    public static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One parameter of a URL's query, decoded. */
    public static String query(String url, String parameter) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(parameter)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("No " + parameter + " in " + url);
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
