package id.simpul.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every operation of every service documents without being told (docs/api.md, "OpenAPI"): a unique operationId,
 * the {@code sort} values a list takes, a {@code Location} on 201 and 202, and the errors the platform answers,
 * each as {@code application/problem+json} of the shared {@code Problem} schema: 400 always (unknown query parameters
 * are refused everywhere), 404 with a path variable, 413 and 415 with a body, 422 with a JSON body (text not
 * accepted), 412 with {@code If-Match}, 428 when it is required, 503 unless {@link ServedFromMemory}. Codes only the
 * service knows (409, a rule's 422) are declared per operation with {@code @ApiResponse(responseCode, description)};
 * their problem content is added here. An explicit {@code @ApiResponse} for a success code replaces the 200 that
 * springdoc guesses from a {@code ResponseEntity}.
 */
final class ApiDocs implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** What a local time at a venue looks like: 2026-12-10T09:00, seconds and fractions optional, never an offset. */
    static final String LOCAL_TIME_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

    /** The scheme every operation that needs sign-in names: an access token of Simpul's OpenID Connect provider. */
    static final String BEARER = "bearer";

    private final java.util.function.Function<String, java.util.Optional<id.simpul.platform.access.Right>> rights;

    ApiDocs() {
        this(name -> java.util.Optional.empty());
    }

    /** {@code rights}: the service's rights by name, for the operations that name one ({@code @Allowed}). */
    ApiDocs(java.util.function.Function<String, java.util.Optional<id.simpul.platform.access.Right>> rights) {
        this.rights = rights;
        // springdoc would call a LocalDateTime "date-time", which JSON Schema defines with an offset: it has none.
        Schema<Object> local = text("A local time at the venue, without an offset (the venue's zone applies)", 29);
        local.setFormat("local-date-time");
        local.setPattern(LOCAL_TIME_PATTERN);
        local.setExample("2026-12-10T09:00");
        org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithSchema(java.time.LocalDateTime.class, local);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        operationId(operation, handler);
        sortValues(operation, handler);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        declaredSuccess(responses, handler);
        responses.forEach((code, response) -> {
            if (code.equals("201") || code.equals("202")) {
                header(response, HttpHeaders.LOCATION, "Where the " + (code.equals("201") ? "new resource" : "work's progress")
                        + " can be read", "uri-reference");
            }
        });
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null;
        boolean json = body && operation.getRequestBody().getContent().keySet().stream().anyMatch(t -> t.contains("json"));
        Parameter ifMatch = parameters.stream()
                .filter(p -> "header".equals(p.getIn()) && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName())).findFirst().orElse(null);

        security(operation, responses, handler);
        add(responses, "400", "Invalid request (invalid-request): " + String.join(", ", invalid(parameters, body, json))
                + "; errors[] names each with what is wrong.");
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            add(responses, "404", "Not found (not-found): nothing has this " + pathNames(parameters)
                    + " (one of the right shape; a malformed one is 400).");
        }
        if (body) {
            add(responses, "413", json ? "Request body too large (body-too-large): larger than the service takes (maxBytes says how much)."
                    : "File too large (file-too-large): larger than the service takes.");
            add(responses, "415", "Unsupported content type (unsupported-media-type): send "
                    + String.join(" or ", operation.getRequestBody().getContent().keySet()) + ".");
        }
        if (json) {
            add(responses, "422", "Text not accepted (invalid-text): a text field holds a control character, a "
                    + "bidirectional override, a lone surrogate or nothing visible.");
        }
        if (ifMatch != null) {
            add(responses, "412", "Changed by someone else (stale-version): If-Match names an older version; the ETag "
                    + "of this answer is the current one.");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                add(responses, "428", "If-Match required (if-match-required): send the ETag last read in If-Match, so "
                        + "that no change is lost.");
            }
        }
        if (!AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ServedFromMemory.class)
                && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ServedFromMemory.class)) {
            header(add(responses, "503", "Store unavailable (store-unavailable): the service cannot reach its database; "
                    + "nothing was changed. Send the same request again after Retry-After seconds."),
                    HttpHeaders.RETRY_AFTER, "Seconds to wait before sending the request again", null);
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
            }
        });
        sortResponses(operation);
        return operation;
    }

    /**
     * An operation that names its right ({@code @Allowed}) needs a bearer token (a public one takes it when sent, and
     * needs it when public reads are closed): 401 without a good one, 403 without the right; the right and who holds
     * it are in the description. An operation that declares its security itself (identity-service's) gets 401 and 403.
     */
    private void security(Operation operation, ApiResponses responses, HandlerMethod handler) {
        id.simpul.platform.access.Allowed allowed = handler.getMethodAnnotation(id.simpul.platform.access.Allowed.class);
        java.util.Optional<id.simpul.platform.access.Right> right = allowed == null ? java.util.Optional.empty() : rights.apply(allowed.value());
        if (right.isPresent()) {
            boolean open = right.get().isPublic();
            operation.setSecurity(open
                    ? List.of(new io.swagger.v3.oas.models.security.SecurityRequirement(),
                    new io.swagger.v3.oas.models.security.SecurityRequirement().addList(BEARER))
                    : List.of(new io.swagger.v3.oas.models.security.SecurityRequirement().addList(BEARER)));
            String holders = right.get().grants().entrySet().stream()
                    .map(grant -> grant.getKey() + (grant.getValue() == id.simpul.platform.access.Grant.ALL ? ""
                            : " (" + grant.getValue().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")"))
                    .collect(java.util.stream.Collectors.joining(", "));
            operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                    + "Right: " + right.get().name() + (open ? ", public (anyone, unless simpul.access.public-reads=false)"
                    : ", held by " + holders) + " (docs/access.md).");
            add(responses, "401", open
                    ? "Not signed in (unauthorized): only when public reads are closed, or the bearer token sent is not good."
                    : "Not signed in (unauthorized): no bearer token, or one that is expired, forged or not for Simpul.");
            if (!open) {
                add(responses, "403", "Forbidden (forbidden): the caller does not hold " + right.get().name()
                        + ", or not for this resource (outside their region scope, not their own); missingRight names it.");
            }
        } else if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            add(responses, "401", "Not signed in (unauthorized): no bearer token, or one that is expired, forged or not for Simpul.");
            add(responses, "403", "Forbidden (forbidden): the caller does not hold the right; missingRight names it.");
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(BEARER)) {
            components.addSecuritySchemes(BEARER, new io.swagger.v3.oas.models.security.SecurityScheme()
                    .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token of Simpul's OpenID Connect provider (identity-service, or Keycloak): "
                            + "./simpul token <user>, or the client credentials of a machine client."));
        }
        components.addSchemas(FIELD_PROBLEM, object("One field or parameter that is wrong, and what is wrong with it.")
                .addProperty("field", text("The field (officers.sectionHeads[1].name) or parameter (sort), as the client names it", 300))
                .addProperty("message", text("What is wrong, in words", 2000))
                .required(List.of("field", "message")));
        Schema<Object> errors = new Schema<>().types(Set.of("array")).description("Each field or parameter that is wrong (invalid-request, invalid-text, rule-violation)")
                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM));
        errors.setType("array");
        Schema<Object> status = new Schema<>().types(Set.of("integer")).format("int32").description("The HTTP status");
        status.setType("integer");
        status.setExample(400);
        Schema<Object> type = text("The kind of problem: a URI under " + Problems.TYPE_BASE + " (docs/api.md lists them)", 200).format("uri");
        type.setExample(Problems.TYPE_BASE + "invalid-request");
        Schema<Object> problem = object("An RFC 9457 problem detail, as every error of every Simpul service is answered. "
                + "Some types add members of their own (existingKim, allowedTransitions, currentVersion, …).")
                .addProperty("type", type)
                .addProperty("title", text("The type in words, the same for every problem of the type, in sentence case", 200))
                .addProperty("status", status)
                .addProperty("detail", text("This occurrence in words; with errors[], the first of them", 4000))
                .addProperty("instance", text("The request the problem occurred on, when given", 2000).format("uri-reference"))
                .addProperty("errors", errors)
                .required(List.of("type", "title", "status", "detail"));
        problem.setAdditionalProperties(true);
        components.addSchemas(PROBLEM, problem);
        if (openApi.getPaths() != null) {
            // Sorted by name, so that the document is the same from one start to the next.
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocs::sortResponses));
        }
        if (components.getSchemas() != null) {
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        }
    }

    /** {@code listKims}, {@code getImport}: unique across the service, unless {@code @Operation(operationId)} says. */
    private static void operationId(Operation operation, HandlerMethod handler) {
        io.swagger.v3.oas.annotations.Operation declared =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared != null && !declared.operationId().isEmpty()) {
            return;
        }
        String subject = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String verb = handler.getMethod().getName();
        operation.setOperationId(verb + subject + (verb.equals("list") ? "s" : ""));
    }

    /** The {@code sort} parameter of a list with {@link SortedBy}: every value it takes, and the default. */
    private static void sortValues(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            SortedBy sortedBy = parameter.getParameterAnnotation(SortedBy.class);
            if (sortedBy == null || operation.getParameters() == null) {
                continue;
            }
            Sorting.Fields fields = Sorting.Fields.of(sortedBy.value());
            for (Parameter documented : operation.getParameters()) {
                if ("query".equals(documented.getIn()) && "sort".equals(documented.getName())) {
                    Schema<String> schema = text(null, 100);
                    schema.setEnum(fields.specs());
                    schema.setDefault(fields.defaultSpec());
                    documented.setSchema(schema);
                    documented.setDescription("The order: one of " + String.join(", ", fields.names())
                            + ", optionally followed by ,asc or ,desc; " + fields.defaultSpec() + " when not given. The id "
                            + "breaks ties, so pages never overlap. Any other value is 400 naming these.");
                }
            }
        }
    }

    /**
     * A success code declared with {@code @ApiResponse} (201, 202, 204 from a {@code ResponseEntity}) stands instead
     * of springdoc's guessed 200, and takes its content when it declares none.
     */
    private static void declaredSuccess(ApiResponses responses, HandlerMethod handler) {
        Set<String> declared = new java.util.HashSet<>();
        for (io.swagger.v3.oas.annotations.responses.ApiResponse response : AnnotatedElementUtils
                .findMergedRepeatableAnnotations(handler.getMethod(), io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
            declared.add(response.responseCode());
        }
        if (declared.contains("200") || declared.stream().noneMatch(code -> code.startsWith("2"))) {
            return;
        }
        ApiResponse guessed = responses.remove("200");
        if (guessed == null) {
            return;
        }
        for (String code : declared) {
            ApiResponse response = responses.get(code);
            if (code.startsWith("2") && !code.equals("204") && response != null && response.getContent() == null) {
                response.setContent(guessed.getContent());
            }
        }
    }

    private static List<String> invalid(List<Parameter> parameters, boolean body, boolean json) {
        List<String> causes = new ArrayList<>();
        if (parameters.stream().anyMatch(p -> !"header".equals(p.getIn()))) {
            causes.add("a parameter is malformed or out of range");
        }
        if (json) {
            causes.add("a field is missing, malformed, of the wrong type or unknown, or the body is not JSON (unreadable-body)");
        } else if (body) {
            causes.add("the upload is not a readable multipart body (broken-multipart) or its file cannot be read");
        }
        causes.add(parameters.stream().anyMatch(p -> "query".equals(p.getIn()))
                ? "or a query parameter is not one of those documented here"
                : "or a query parameter is sent (this operation takes none)");
        return causes;
    }

    private static String pathNames(List<Parameter> parameters) {
        return String.join(" and ", parameters.stream().filter(p -> "path".equals(p.getIn())).map(Parameter::getName).toList());
    }

    /** The response for {@code code}, added with {@code description} unless the operation declares it already. */
    private static ApiResponse add(ApiResponses responses, String code, String description) {
        return responses.computeIfAbsent(code, c -> new ApiResponse().description(description));
    }

    private static void header(ApiResponse response, String name, String description, String format) {
        if (response.getHeaders() != null && response.getHeaders().containsKey(name)) {
            return;
        }
        Schema<Object> schema = format == null ? new Schema<>().types(Set.of("integer")) : new Schema<>().types(Set.of("string")).format(format);
        schema.setType(format == null ? "integer" : "string");
        response.addHeaderObject(name, new Header().description(description).schema(schema));
    }

    private static void sortResponses(Operation operation) {
        if (operation.getResponses() != null) {
            Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
            operation.getResponses().clear();
            sorted.forEach(operation.getResponses()::addApiResponse);
        }
    }

    private static Schema<Object> object(String description) {
        Schema<Object> schema = new Schema<>().types(Set.of("object")).description(description);
        schema.setType("object");
        schema.setProperties(new LinkedHashMap<>());
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static <T> Schema<T> text(String description, int maxLength) {
        Schema<T> schema = (Schema<T>) new Schema<>().types(Set.of("string")).maxLength(maxLength);
        schema.setType("string");
        if (description != null) {
            schema.setDescription(description);
        }
        return schema;
    }
}
