package id.simpul.identity;

import id.simpul.localstack.SignIn;
import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser (cookies, no automatic redirects) and the command-line client: signs in on the form with its CSRF token
 * and runs the authorization code flow with PKCE, as simpul-cli does.
 */
public final class Browser {

    public static final String CLI_REDIRECT = "http://127.0.0.1:49152/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final String base;
    private final HttpClient client;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the sign-in form (with the CSRF token of the page) and answers where it redirects. */
    public String signIn(String username, String password) {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> posted = postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf(page.body())));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        return posted.headers().firstValue("Location").orElseThrow();
    }

    /** The authorization code + PKCE flow of simpul-cli, signing in as {@code username}: the token response (JSON). */
    public String cliTokens(String username, String password) {
        HttpResponse<String> tokens = cliCode(username, password).exchange();
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return tokens.body();
    }

    /** A code the CLI received on its loopback redirect, and the verifier that goes with it. */
    public final class Code {
        private final String code;
        private final String verifier;

        Code(String code, String verifier) {
            this.code = code;
            this.verifier = verifier;
        }

        public String value() {
            return code;
        }

        public HttpResponse<String> exchange() {
            return postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", CLI_REDIRECT, "client_id", "simpul-cli", "code_verifier", verifier));
        }
    }

    /** Up to the code: the authorize request, the sign-in form, and the redirect to the CLI's loopback address. */
    public Code cliCode(String username, String password) {
        String verifier = randomText();
        String authorize = "/oauth2/authorize?" + encode(Map.of("response_type", "code", "client_id", "simpul-cli",
                "redirect_uri", CLI_REDIRECT, "scope", "openid profile", "state", "s-" + randomText().substring(0, 8),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> toSignIn = get(authorize, "Accept", "text/html");
        assertThat(toSignIn.statusCode()).as(toSignIn.body()).isEqualTo(302);
        assertThat(toSignIn.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String back = signIn(username, password);
        assertThat(back).contains("/oauth2/authorize");
        HttpResponse<String> toClient = get(back, "Accept", "text/html");
        assertThat(toClient.statusCode()).as(toClient.body()).isEqualTo(302);
        String callback = toClient.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(CLI_REDIRECT + "?code=");
        return new Code(queryParameter(callback, "code"), verifier);
    }

    public String cliAccessToken(String username, String password) {
        return JsonPath.read(cliTokens(username, password), "$.access_token");
    }

    /** The claims of a JWT (its payload, unverified: the service verifies it). */
    public static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The {@code aud} claim, which JWT writes as a plain string when it names one audience. */
    public static java.util.List<String> audience(String claims) {
        Object aud = JsonPath.read(claims, "$.aud");
        return aud instanceof String one ? java.util.List.of(one) : JsonPath.read(claims, "$.aud");
    }

    public static String header(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the form: " + html).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static String challenge(String verifier) {
        return SignIn.challenge(verifier);
    }

    private static String randomText() {
        return SignIn.random();
    }

    private static String queryParameter(String url, String parameter) {
        return SignIn.query(url, parameter);
    }

    static String encode(Map<String, String> form) {
        return new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }
}
