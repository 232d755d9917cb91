package id.simpul.systemtest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import id.simpul.testinfra.Http;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fuzz test of every service's HTTP edge, generated from the service's own {@code /v3/api-docs}: each write
 * endpoint gets a body built from its schema and then that body mutated (wrong types, missing and extra fields, huge
 * and control-character strings, NUL, bidirectional overrides, lone surrogates, {@code $}-prefixed keys and values,
 * dotted keys, deep nesting, broken JSON, ids that look like UUIDs but are not, unknown ids, oversize bodies, wrong
 * content types, broken multipart); each read endpoint gets its query and path parameters mutated. No answer may be a
 * 5xx, and afterwards no stored document may hold a NUL or another control character, a bidirectional override, an
 * unpaired surrogate or a {@code $}-prefixed key. The resources it changes are its own, in Aceh, where no other test
 * counts.
 */
class ApiFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SERVICES = List.of("registry-service", "training-service", "reporting-service");
    /** Endpoints left out: an endless event stream, and a rebuild that would only answer 409 after the first. */
    private static final Set<String> SKIPPED = Set.of("GET /api/dashboard/stream", "POST /api/admin/projections/rebuild");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final String NOT_A_UUID = "a".repeat(36);
    private static final List<String> BAD_STRINGS = List.of("\\u0000", "KIM\\u0000X", "bell\\u0007", "esc\\u001b[31m",
            "\\u202eevil", "\\u2066isolate", "lone \\ud800 surrogate", "\\udc00", "   ", "\\u200b\\u2060", "$where", "$gt",
            "a.b", "{\\\"$ne\\\": 1}", "\\ufffe");

    private static SimpulSystem system;
    private static Fixtures fixtures;

    private final Map<String, Integer> statusCounts = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private final Map<String, Integer> unmutated = new TreeMap<>();
    private int requests;

    /** The fuzz test's own resources, whose ids fill path parameters and id fields. */
    record Fixtures(String kim, String programme, String partner, String training, String invitation, String enrolment) {
    }

    @BeforeAll
    static void prepare() {
        system = SimpulSystem.get();
        Http registry = system.http("registry-service");
        Http training = system.http("training-service");
        String run = UUID.randomUUID().toString().substring(0, 6);
        String kim = Scenario.id(registry.postJson("/api/kims", """
                {"name": "KIM Uji Acak %s", "villageCode": "11.01.01.2001", "memberCount": 12}""".formatted(run)));
        assertThat(registry.postJson("/api/kims/" + kim + "/status", "{\"status\": \"VERIFIED\"}").status()).isEqualTo(200);
        String programme = Scenario.id(training.postJson("/api/programmes", """
                {"title": "Uji Acak %s", "theme": "ANTI_HOAX", "organiser": {"level": "REGION", "regionCode": "11", "name": "Diskominfo Aceh"},
                 "period": {"start": "2020-01-01", "end": "2099-12-31"}, "targetRegions": ["11"]}""".formatted(run)));
        String partner = Scenario.id(training.postJson("/api/partners", """
                {"name": "Puskesmas Uji Acak %s", "type": "HEALTH_FACILITY", "regionCode": "11.01"}""".formatted(run)));
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Jakarta")).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        String session = Scenario.id(training.postJson("/api/trainings", """
                {"programmeId": "%s", "title": "Pelatihan Uji Acak %s", "topic": "Cek fakta", "mode": "IN_PERSON",
                 "venue": {"regionCode": "11.01", "address": "Aula"}, "start": "%s", "end": "%s", "capacity": 5}"""
                .formatted(programme, run, start, start.plusHours(3))));
        assertThat(training.postJson("/api/trainings/" + session + "/status", "{\"status\": \"SCHEDULED\"}").status()).isEqualTo(200);
        String invitation = Scenario.id(training.postJson("/api/trainings/" + session + "/invitations",
                "{\"partnerId\": \"" + partner + "\"}"));
        String[] enrolment = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Http.Response enrolled = training.postJson("/api/trainings/" + session + "/enrolments",
                    "{\"kimId\": \"" + kim + "\", \"participant\": {\"name\": \"Peserta Uji\"}}");
            enrolment[0] = enrolled.status() == 201 ? enrolled.json("$.id") : null;
            return enrolment[0] != null;
        });
        fixtures = new Fixtures(kim, programme, partner, session, invitation, enrolment[0]);
    }

    @Test
    void mutatedRequestsToEveryEndpointGetNo5xxAndNothingCorruptIsStored() {
        long started = System.nanoTime();
        for (String service : SERVICES) {
            Http http = system.http(service);
            JsonNode docs = JSON.readTree(http.get("/v3/api-docs").body());
            for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase();
                    if (SKIPPED.contains(method + " " + path.getKey())) {
                        continue;
                    }
                    fuzz(http, service, docs, method, path.getKey(), operation.getValue());
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("API fuzz: %,d requests in %d s; answers by status: %s%n", requests, seconds, statusCounts);
        unmutated.forEach((operation, status) -> System.out.printf("  unmutated %s -> %d%n", operation, status));

        assertThat(requests).as("mutated requests").isGreaterThanOrEqualTo(1000);
        assertThat(serverErrors).as("requests answered with a 5xx").isEmpty();
        assertThat(corruptDocuments()).as("stored documents holding control characters or $-keys").isEmpty();
    }

    @Test
    void everyStringARequestTakesHasADocumentedMaximumLength() {
        List<String> unbounded = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode docs = JSON.readTree(system.http(service).get("/v3/api-docs").body());
            Set<String> requestSchemas = new java.util.TreeSet<>();
            for (JsonNode path : docs.path("paths")) {
                for (JsonNode operation : path) {
                    collectReferences(docs, operation.path("requestBody"), requestSchemas);
                }
            }
            for (String schema : requestSchemas) {
                for (Map.Entry<String, JsonNode> property : docs.path("components").path("schemas").path(schema).path("properties").properties()) {
                    JsonNode value = property.getValue();
                    JsonNode text = "array".equals(type(value)) ? resolve(docs, value.path("items")) : resolve(docs, value);
                    boolean bounded = text.has("maxLength") || text.has("enum")
                            || Set.of("date", "date-time", "binary").contains(text.path("format").asString(""));
                    if ("string".equals(type(text)) && !text.has("$ref") && text.has("type") && !bounded) {
                        unbounded.add(service + " " + schema + "." + property.getKey());
                    }
                }
            }
        }
        assertThat(unbounded).as("string fields without maxLength in the OpenAPI documents").isEmpty();
    }

    private static void collectReferences(JsonNode docs, JsonNode node, Set<String> found) {
        if (node.has("$ref")) {
            String name = node.get("$ref").asString().substring(node.get("$ref").asString().lastIndexOf('/') + 1);
            if (found.add(name)) {
                collectReferences(docs, docs.path("components").path("schemas").path(name), found);
            }
        }
        for (JsonNode child : node) {
            collectReferences(docs, child, found);
        }
    }

    private void fuzz(Http http, String service, JsonNode docs, String method, String template, JsonNode operation) {
        String path = fillPath(template);
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("header".equals(parameter.path("in").asString()) && "If-Match".equals(parameter.path("name").asString())) {
                headers.put("If-Match", "\"1\"");
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isEmpty()) {
            send(http, service, method, path, null, null, headers, "as documented");
            for (String mutated : pathMutations(template)) {
                send(http, service, method, mutated, null, null, headers, "path " + mutated);
            }
            for (String query : queryMutations(operation)) {
                send(http, service, method, path + "?" + query, null, null, headers, "query " + query);
            }
            return;
        }
        if (content.has("multipart/form-data")) {
            for (Map.Entry<String, byte[]> upload : multipartMutations().entrySet()) {
                String[] typeAndName = upload.getKey().split("\\|", 2);
                send(http, service, method, path, typeAndName[0], upload.getValue(), headers, typeAndName[1]);
            }
        }
        if (content.has("application/json")) {
            JsonNode schema = resolve(docs, content.path("application/json").path("schema"));
            ObjectNode base = (ObjectNode) example(docs, schema, "body", 0);
            send(http, service, method, path, "application/json", bytes(base.toString()), headers, "generated from the schema");
            for (Map.Entry<String, String> mutation : bodyMutations(docs, schema, base).entrySet()) {
                send(http, service, method, path, "application/json", bytes(mutation.getValue()), headers, mutation.getKey());
            }
            send(http, service, method, path, "application/json",
                    new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, headers, "invalid UTF-8");
            for (Map.Entry<String, String> type : wrongContentTypes().entrySet()) {
                send(http, service, method, path, type.getValue(), bytes(base.toString()), headers, "content type " + type.getKey());
            }
            if (headers.containsKey("If-Match")) {
                for (String ifMatch : List.of("garbage", "\"99999999999999999999999\"", "W/\"1\"", "")) {
                    send(http, service, method, path, "application/json", bytes(base.toString()), Map.of("If-Match", ifMatch),
                            "If-Match " + ifMatch);
                }
                send(http, service, method, path, "application/json", bytes(base.toString()), Map.of(), "no If-Match");
            }
        }
    }

    /** Mutations of a valid body, by name, as the JSON text to send. */
    private Map<String, String> bodyMutations(JsonNode docs, JsonNode schema, ObjectNode base) {
        Map<String, String> mutations = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        base.propertyNames().forEach(fields::add);
        for (String field : fields) {
            JsonNode value = base.get(field);
            ObjectNode without = base.deepCopy();
            without.remove(field);
            mutations.put("without " + field, without.toString());
            for (JsonNode wrong : List.of(NODES.numberNode(20), NODES.stringNode("20"), NODES.booleanNode(true),
                    NODES.arrayNode(), NODES.objectNode(), NODES.nullNode(), NODES.numberNode(1.5),
                    NODES.numberNode(new java.math.BigInteger("9".repeat(40))))) {
                if (!wrong.getNodeType().equals(value.getNodeType()) || wrong.isNumber()) {
                    mutations.put(field + " as " + wrong, with(base, field, wrong).toString());
                }
            }
            if (value.isString()) {
                for (String bad : BAD_STRINGS) {
                    // Written as JSON escapes, so that control characters and lone surrogates reach the parser as such.
                    mutations.put(field + " = " + bad, replaceString(base, field, bad));
                }
                mutations.put(field + " of 100,000 characters", with(base, field, NODES.stringNode("x".repeat(100_000))).toString());
                if (field.toLowerCase().endsWith("id")) {
                    mutations.put(field + " like a UUID but not one", with(base, field, NODES.stringNode(NOT_A_UUID)).toString());
                    mutations.put(field + " with hex letters beyond f", with(base, field,
                            NODES.stringNode("gggggggg-gggg-gggg-gggg-gggggggggggg")).toString());
                    mutations.put(field + " unknown", with(base, field, NODES.stringNode(UUID.randomUUID().toString())).toString());
                }
            }
            if (value.isObject()) {
                ObjectNode nested = (ObjectNode) value.deepCopy();
                nested.put("$where", "1");
                mutations.put(field + " with a $-key inside", with(base, field, nested).toString());
                List<String> inner = new ArrayList<>();
                value.propertyNames().forEach(inner::add);
                for (String name : inner) {
                    if (value.get(name).isString()) {
                        ObjectNode broken = (ObjectNode) value.deepCopy();
                        broken.put(name, "\u0000");
                        mutations.put(field + "." + name + " with NUL", with(base, field, broken).toString());
                        ObjectNode rtl = (ObjectNode) value.deepCopy();
                        rtl.put(name, "\u202e" + "x");
                        mutations.put(field + "." + name + " with an override", with(base, field, rtl).toString());
                    }
                }
            }
            if (value.isArray() && !value.isEmpty()) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 2000; i++) {
                    many.add(value.get(0).deepCopy());
                }
                mutations.put(field + " with 2,000 items", with(base, field, many).toString());
                ArrayNode nulls = NODES.arrayNode();
                nulls.addNull();
                mutations.put(field + " with a null item", with(base, field, nulls).toString());
                if (value.get(0).isString()) {
                    ArrayNode bad = NODES.arrayNode();
                    bad.add("\u0000").add(NOT_A_UUID);
                    mutations.put(field + " with NUL and non-UUID items", with(base, field, bad).toString());
                }
            }
        }
        mutations.put("an extra field", base.deepCopy().put("unknownField", 1).toString());
        mutations.put("a $-prefixed key", base.deepCopy().put("$set", "{}").toString());
        mutations.put("a dotted key", base.deepCopy().put("a.b", 1).toString());
        mutations.put("an operator as the whole body", "{\"$where\": \"sleep(1000)\"}");
        mutations.put("deep nesting", "{\"" + (fields.isEmpty() ? "x" : fields.getFirst()) + "\": "
                + "[".repeat(5000) + "]".repeat(5000) + "}");
        mutations.put("deep objects", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        mutations.put("a key given twice", "{" + (fields.isEmpty() ? "\"x\": 1, \"x\": 2"
                : "\"" + fields.getFirst() + "\": " + base.get(fields.getFirst()) + ", \"" + fields.getFirst() + "\": "
                + base.get(fields.getFirst())) + "}");
        mutations.put("truncated JSON", base.toString().substring(0, Math.max(1, base.toString().length() / 2)));
        mutations.put("not JSON", "name=KIM&villageCode=11.01.01.2001");
        mutations.put("JSON null", "null");
        mutations.put("a JSON array", "[" + base + "]");
        mutations.put("a JSON string", "\"" + "x".repeat(50) + "\"");
        mutations.put("empty body", "");
        mutations.put("trailing garbage", base + " trailing");
        mutations.put("a body of 2 MB", with(base, fields.isEmpty() ? "x" : fields.getFirst(),
                NODES.stringNode("y".repeat(2 * 1024 * 1024))).toString());
        return mutations;
    }

    private static Map<String, String> wrongContentTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("text/plain", "text/plain");
        types.put("application/xml", "application/xml");
        types.put("form", "application/x-www-form-urlencoded");
        types.put("multipart without boundary", "multipart/form-data");
        types.put("multipart with a boundary the body lacks", "multipart/form-data; boundary=simpul-fuzz");
        types.put("unparsable", "this is not a type");
        types.put("JSON in Latin-1", "application/json; charset=ISO-8859-1");
        types.put("none", null);
        return types;
    }

    /** Uploads for multipart endpoints: "content type|what" to the body. */
    private static Map<String, byte[]> multipartMutations() {
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        String boundary = "simpul-fuzz-" + UUID.randomUUID();
        String type = "multipart/form-data; boundary=" + boundary;
        uploads.put("multipart/form-data|multipart without a boundary", bytes("--x\r\n\r\nhello\r\n--x--\r\n"));
        uploads.put(type + "|truncated multipart", bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"a.csv\"\r\n\r\nnama_kim,kode_desa\r\nKIM A,11.01"));
        uploads.put(type + "|a part that is not the file", part(boundary, "other", "x.csv", bytes("nama_kim\nKIM A\n")));
        uploads.put(type + "|an empty file", part(boundary, "file", "empty.csv", new byte[0]));
        uploads.put(type + "|binary garbage", part(boundary, "file", "x.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, (byte) 0xFF}));
        uploads.put(type + "|NUL and overrides in cells", part(boundary, "file", "kim.csv",
                bytes("nama_kim,kode_desa,jumlah_anggota\nKIM \u0000A,11.01.01.2001,12\nKIM \u202eB,11.01.01.2001,12\n")));
        uploads.put(type + "|JSON as the file", part(boundary, "file", "kim.json", bytes("{\"name\": \"KIM\"}")));
        uploads.put(type + "|a file of 21 MB", part(boundary, "file", "big.csv", new byte[21 * 1024 * 1024]));
        uploads.put("application/json|JSON instead of a file", bytes("{\"file\": \"x\"}"));
        return uploads;
    }

    private static byte[] part(String boundary, String field, String fileName, byte[] content) {
        byte[] head = bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] tail = bytes("\r\n--" + boundary + "--\r\n");
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return body;
    }

    /** The path with its parameters filled, then broken in several ways. */
    private List<String> pathMutations(String template) {
        if (!template.contains("{")) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (String value : List.of("%00", NOT_A_UUID, UUID.randomUUID().toString(), "x".repeat(3000), "%E2%80%AE",
                "..%2F..%2Fetc", "%24where", "63.03.05.1001.9999", "%ZZ")) {
            paths.add(template.replaceAll("\\{[^}]+}", value));
        }
        return paths;
    }

    /** Query strings of the operation's parameters with bad values. */
    private List<String> queryMutations(JsonNode operation) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        }
        List<String> queries = new ArrayList<>();
        for (String name : names) {
            for (String value : List.of("a%00b", "%07", "%E2%80%AE", "%ED%A0%80", "x".repeat(5000), "-1", "99999999999",
                    "1.5", "%ZZ", "%24ne", "(", "*", "\\", "true")) {
                queries.add(name + "=" + value);
            }
        }
        if (!names.isEmpty()) {
            queries.add("unknownParameter=1");
            queries.add(names.getFirst() + "=a&" + names.getFirst() + "=b");
        }
        return queries;
    }

    private String fillPath(String template) {
        String path = template;
        Map<String, String> byPrefix = new LinkedHashMap<>();
        byPrefix.put("/api/kims/imports/", UUID.randomUUID().toString());
        byPrefix.put("/api/kims/", fixtures.kim());
        byPrefix.put("/api/dashboard/kims/", fixtures.kim());
        byPrefix.put("/api/programmes/", fixtures.programme());
        byPrefix.put("/api/dashboard/programmes/", fixtures.programme());
        byPrefix.put("/api/exports/programmes/", fixtures.programme());
        byPrefix.put("/api/trainings/", fixtures.training());
        byPrefix.put("/api/partners/", fixtures.partner());
        byPrefix.put("/api/invitations/", fixtures.invitation());
        byPrefix.put("/api/enrolments/", fixtures.enrolment());
        byPrefix.put("/api/certificates/", "SIMPUL-UJI-ACAK");
        byPrefix.put("/api/admin/dead-letters/", "simpul.training.dlq-0-999999");
        byPrefix.put("/api/regions/", "11.01");
        byPrefix.put("/api/dashboard/regions/", "11");
        for (Map.Entry<String, String> prefix : byPrefix.entrySet()) {
            if (path.startsWith(prefix.getKey() + "{")) {
                path = path.replaceFirst("\\{[^}]+}", prefix.getValue());
                break;
            }
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    /** A value for {@code schema} that the API should take, named {@code name}. */
    private JsonNode example(JsonNode docs, JsonNode schema, String name, int depth) {
        schema = resolve(docs, schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 4) {
                    return object;
                }
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    object.set(property.getKey(), example(docs, property.getValue(), property.getKey(), depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(docs, schema.path("items"), name, depth + 1));
                return array;
            }
            case "integer" -> {
                long minimum = schema.path("minimum").asLong(1);
                return NODES.numberNode(Math.max(minimum, switch (name) {
                    case "memberCount" -> 12;
                    case "capacity" -> 5;
                    default -> 1;
                }));
            }
            case "number" -> {
                return NODES.numberNode(1.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(text(schema, name));
            }
        }
    }

    private String text(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        String lower = name.toLowerCase();
        return switch (lower) {
            case "kimid" -> fixtures.kim();
            case "programmeid" -> fixtures.programme();
            case "partnerid" -> fixtures.partner();
            case "trainingid" -> fixtures.training();
            case "enrolmentids" -> fixtures.enrolment();
            case "villagecode" -> "11.01.01.2001";
            case "regioncode", "venueregioncode", "parent" -> "11.01";
            case "targetregions" -> "11";
            case "email" -> "uji@example.id";
            case "phone" -> "+62 812-3456-7890";
            case "url", "link", "meetinglink" -> "https://example.id/uji";
            case "theme" -> "ANTI_HOAX";
            case "kimidnumber" -> "KIM-1101-0001";
            case "start" -> LocalDateTime.now(ZoneId.of("Asia/Jakarta")).plusDays(3).truncatedTo(ChronoUnit.HOURS).toString();
            case "end" -> LocalDateTime.now(ZoneId.of("Asia/Jakarta")).plusDays(3).plusHours(2).truncatedTo(ChronoUnit.HOURS).toString();
            default -> switch (format) {
                case "date" -> lower.contains("published") ? LocalDate.now().toString() : "2024-03-01";
                case "date-time", "local-date-time" -> LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.HOURS).toString();
                case "email" -> "uji@example.id";
                case "uuid" -> UUID.randomUUID().toString();
                default -> "Uji " + name + " " + UUID.randomUUID().toString().substring(0, 4);
            };
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static JsonNode resolve(JsonNode docs, JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            schema = docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private static ObjectNode with(ObjectNode base, String field, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(field, value);
        return copy;
    }

    /** The body with {@code field} set to {@code escaped}, a JSON string body written as is (escapes included). */
    private static String replaceString(ObjectNode base, String field, String escaped) {
        String marker = "__simpul_fuzz_" + UUID.randomUUID().toString().replace("-", "") + "__";
        return with(base, field, NODES.stringNode(marker)).toString().replace(marker, escaped);
    }

    private void send(Http http, String service, String method, String path, String contentType, byte[] body,
                      Map<String, String> headers, String mutation) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(http.uri(path));
        } catch (IllegalArgumentException unsendable) {
            return;
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        requests++;
        int status;
        String answer;
        try {
            Http.Response response = http.send(request);
            status = response.status();
            answer = response.body();
        } catch (IllegalStateException closed) {
            // A connection closed after a 413 answer to an oversize body counts as that answer.
            if (body != null && body.length > 1024 * 1024) {
                statusCounts.merge("closed on oversize", 1, Integer::sum);
                return;
            }
            throw new AssertionError(service + " " + method + " " + path + " (" + mutation + "): no answer", closed);
        }
        statusCounts.merge(String.valueOf(status), 1, Integer::sum);
        if (mutation.equals("as documented") || mutation.equals("generated from the schema")) {
            unmutated.put(service + " " + method + " " + path, status);
        }
        if (status >= 500) {
            serverErrors.add(service + " " + method + " " + abbreviate(path) + " (" + abbreviate(mutation) + ") -> " + status
                    + " " + abbreviate(answer));
        }
    }

    /** Every stored string and key of every service's database that the edge should have refused. */
    private static List<String> corruptDocuments() {
        List<String> corrupt = new ArrayList<>();
        try (MongoClient client = MongoClients.create(system.config.mongoUri())) {
            for (String name : List.of("simpul-registry", "simpul-training", "simpul-reporting")) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        inspect(name + "." + collection + "/" + document.get("_id"), document, corrupt);
                    }
                }
            }
        }
        return corrupt;
    }

    /** Keys and strings only: binary values (dead letters keep their records byte for byte) are not text. */
    private static void inspect(String where, Object value, List<String> corrupt) {
        if (value instanceof Document document) {
            for (Map.Entry<String, Object> field : document.entrySet()) {
                if (field.getKey().startsWith("$") || CONTROL.matcher(field.getKey()).find()) {
                    corrupt.add(where + ": key " + field.getKey());
                }
                inspect(where + "." + field.getKey(), field.getValue(), corrupt);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                inspect(where + "[" + i + "]", list.get(i), corrupt);
            }
        } else if (value instanceof String text) {
            if (CONTROL.matcher(text).find() || hasLoneSurrogate(text)) {
                corrupt.add(where + ": " + abbreviate(text));
            }
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String text) {
        String printable = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 200 ? printable : printable.substring(0, 200) + "…";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
