package id.simpul.testinfra;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import java.util.UUID;

/**
 * The role × operation matrix of one running service, generated from its {@code /v3/api-docs} and its table in
 * docs/access.md: every operation is called anonymously and as a caller of every role, and must be refused where
 * the cell says {@code no} (401 anonymous, 403 naming the missing right signed in) and let through the door where it
 * says anything else. Each call carries a query parameter no operation takes, so that a call let through is answered
 * 400 by the parameter check and changes nothing; which resources a {@code scope}, {@code own} or {@code four-eyes}
 * cell reaches is the service's own tests' to show. An operation without a row, or a row without an operation, is a
 * mismatch too.
 */
public final class AccessMatrix {

    /** A parameter no operation takes: the door answers first, then the parameter check refuses it (400). */
    static final String PROBE = "access-matrix-probe=1";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final Map<String, List<String>> rows;
    private final Map<String, Caller> callers;
    private final java.util.function.Function<Caller, String> tokens;

    /** {@code callers}: the caller of each role column (the anonymous column has none), with tokens of TestIssuer. */
    public AccessMatrix(int port, String service, Map<String, Caller> callers) {
        this(port, service, callers, caller -> TestIssuer.get().token(caller));
    }

    /** As {@link #AccessMatrix(int, String, Map)}, with {@code tokens} giving each caller's access token. */
    public AccessMatrix(int port, String service, Map<String, Caller> callers, java.util.function.Function<Caller, String> tokens) {
        this.tokens = tokens;
        this.port = port;
        this.rows = AccessTable.ofCheckout().get(service);
        this.callers = callers;
        if (rows == null) {
            throw new AssertionError("No table for " + service + " in docs/access.md");
        }
    }

    /** One caller per role, as the demo users of the README (a KIM officer and a partner with ids of their own). */
    public static Map<String, Caller> demoCallers() {
        return Map.of("VIEWER", Caller.VIEWER,
                "KIM_OFFICER", Caller.kimOfficer("kim.matrix", UUID.randomUUID().toString(), "63.03.05.1005"),
                "PARTNER", Caller.partner("partner.matrix", UUID.randomUUID().toString(), "63.03"),
                "PROGRAMME_MANAGER", Caller.PROGRAMME_MANAGER,
                "REGENCY_OFFICER", Caller.REGENCY_OFFICER,
                "PROVINCE_OFFICER", Caller.PROVINCE_OFFICER,
                "MINISTRY_ADMIN", Caller.MINISTRY_ADMIN,
                "OPERATOR", Caller.OPERATOR);
    }

    /** Every way the service differs from its table, as lines to read; empty when it keeps to it. */
    public List<String> mismatches() {
        List<String> mismatches = new ArrayList<>();
        Map<String, Set<String>> bodies = operations();
        Set<String> operations = bodies.keySet();
        for (String operation : operations) {
            if (!rows.containsKey(operation)) {
                mismatches.add(operation + ": no row in docs/access.md");
            }
        }
        for (String operation : rows.keySet()) {
            if (!operations.contains(operation)) {
                mismatches.add(operation + ": a row in docs/access.md, but no such operation");
            }
        }
        for (String operation : operations) {
            List<String> cells = rows.get(operation);
            if (cells == null) {
                continue;
            }
            for (int column = 0; column < AccessTable.COLUMNS.size(); column++) {
                String role = AccessTable.COLUMNS.get(column);
                Caller caller = callers.get(role);
                if (!role.equals("anonymous") && caller == null) {
                    mismatches.add("no caller for the column " + role);
                    continue;
                }
                check(operation, bodies.get(operation), role, caller, cells.get(column)).ifPresent(mismatches::add);
            }
        }
        return mismatches;
    }

    private java.util.Optional<String> check(String operation, Set<String> bodyTypes, String role, Caller caller, String cell) {
        Answer answer = call(operation, bodyTypes, caller);
        boolean refused = answer.status() == 401 || answer.status() == 403;
        if (cell.equals("no")) {
            int expected = caller == null ? 401 : 403;
            if (answer.status() != expected) {
                return java.util.Optional.of(operation + " as " + role + ": the table says no, the service answered "
                        + answer.status() + " (expected " + expected + ") " + answer.body());
            }
            if (caller != null && !answer.body().contains("\"missingRight\"")) {
                return java.util.Optional.of(operation + " as " + role + ": 403 without missingRight: " + answer.body());
            }
            return java.util.Optional.empty();
        }
        if (refused || answer.status() != 400 || !answer.body().contains("access-matrix-probe")) {
            return java.util.Optional.of(operation + " as " + role + ": the table says " + cell + ", the service answered "
                    + answer.status() + " " + answer.body());
        }
        return java.util.Optional.empty();
    }

    /** The operations of the service's OpenAPI document, each with the media types its request body takes. */
    private Map<String, Set<String>> operations() {
        Answer docs = call("GET /v3/api-docs", Set.of(), null);
        Map<String, Map<String, Object>> paths = JsonPath.read(docs.body(), "$.paths");
        Map<String, Set<String>> operations = new java.util.TreeMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                Object content = ((Map<?, ?>) operation).get("requestBody") instanceof Map<?, ?> requestBody ? requestBody.get("content") : null;
                Set<String> types = new TreeSet<>();
                if (content instanceof Map<?, ?> byType) {
                    byType.keySet().forEach(type -> types.add(type.toString()));
                }
                operations.put(method.toUpperCase(Locale.ROOT) + " " + path, types);
            }
        }));
        return operations;
    }

    private Answer call(String operation, Set<String> bodyTypes, Caller caller) {
        String[] parts = operation.split(" ", 2);
        String path = fill(parts[1], caller);
        boolean docs = parts[1].startsWith("/v3/");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + (docs ? "" : "?" + PROBE)))
                .timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (!bodyTypes.isEmpty() && !bodyTypes.contains("application/json") && bodyTypes.contains("multipart/form-data")) {
            // A well-formed upload of nothing much: the door decides before anything reads it.
            request.header("Content-Type", "multipart/form-data; boundary=matrix");
            body = HttpRequest.BodyPublishers.ofString("--matrix\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"m.csv\"\r\nContent-Type: text/csv\r\n\r\nnama_kim\r\n--matrix--\r\n");
        } else if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString("{}");
        }
        request.method(parts[0], body);
        if (caller != null) {
            request.header("Authorization", "Bearer " + tokens.apply(caller));
        }
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                // An event stream let through would not end: its status is the answer.
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                return new Answer(response.statusCode(), stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(operation + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Path variables: the caller's own KIM or partner where the path names one, region 63.03, otherwise a new UUID. */
    private static String fill(String path, Caller caller) {
        String filled = path;
        if (caller != null && caller.kimId() != null) {
            filled = filled.replace("{kimId}", caller.kimId());
        }
        if (caller != null && caller.partnerId() != null) {
            filled = filled.replace("{partnerId}", caller.partnerId());
        }
        filled = filled.replace("{code}", "63.03");
        return filled.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private record Answer(int status, String body) {
    }
}
