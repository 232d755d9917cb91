package id.simpul.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks, before a {@code @RestController} method runs, what Spring MVC would otherwise let pass: a query parameter
 * the operation does not take (a typo such as {@code ?stauts=ACTIVE} would silently list everything) is {@code 400}
 * naming the parameters it takes; a path variable documented as a UUID ({@code @Parameter(schema = @Schema(format =
 * "uuid"))}) is {@code 400} when it is not one, so that only well-formed ids reach the lookup and get {@code 404}.
 * Only the query string counts: the fields of a multipart body are not query parameters.
 */
final class ParameterCheck implements HandlerInterceptor {

    /** Types Spring MVC resolves from the request itself, not from query parameters. */
    private static final List<Class<?>> FROM_THE_REQUEST = List.of(jakarta.servlet.ServletRequest.class,
            jakarta.servlet.ServletResponse.class, jakarta.servlet.http.HttpSession.class,
            org.springframework.web.context.request.WebRequest.class, org.springframework.web.util.UriComponentsBuilder.class,
            java.security.Principal.class, java.util.Locale.class, java.util.TimeZone.class, java.time.ZoneId.class,
            java.io.InputStream.class, java.io.Reader.class, java.io.OutputStream.class, java.io.Writer.class,
            org.springframework.http.HttpMethod.class, org.springframework.http.HttpEntity.class,
            org.springframework.ui.Model.class, Map.class, org.springframework.validation.Errors.class,
            org.springframework.web.bind.support.SessionStatus.class);

    /** The query parameter names of each handler method; empty when it takes any (a {@code @RequestParam Map}). */
    private final Map<Method, Optional<Set<String>>> queryNames = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !checked(method)) {
            return true;
        }
        checkIds(request, method);
        Optional<Set<String>> allowed = queryNames.computeIfAbsent(method.getMethod(), m -> queryNames(method));
        if (allowed.isEmpty()) {
            return true;
        }
        List<ProblemDetailsAdvice.FieldProblem> unknown = new ArrayList<>();
        for (String name : sentNames(request.getQueryString())) {
            if (!allowed.get().contains(name)) {
                unknown.add(new ProblemDetailsAdvice.FieldProblem(name, refusal(allowed.get())));
            }
        }
        if (!unknown.isEmpty()) {
            throw Problems.exception(Problems.invalid(unknown));
        }
        return true;
    }

    /** Simpul's own controllers; Spring's and springdoc's (the error page, /v3/api-docs) keep their own rules. */
    private static boolean checked(HandlerMethod method) {
        String name = method.getBeanType().getName();
        return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)
                && !name.startsWith("org.springframework.") && !name.startsWith("org.springdoc.");
    }

    private static String refusal(Set<String> allowed) {
        if (allowed.isEmpty()) {
            return "is not a parameter of this request, which takes none";
        }
        String of = allowed.contains("page") ? "this list" : "this request";
        return "is not a parameter of " + of + "; the parameters are: " + String.join(", ", allowed);
    }

    /** Path variables documented as UUIDs: 400 when malformed (the noun comes from the path: /imports/{id}, an import id). */
    private static void checkIds(HttpServletRequest request, HandlerMethod method) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
            return;
        }
        for (MethodParameter parameter : method.getMethodParameters()) {
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            io.swagger.v3.oas.annotations.Parameter documented =
                    parameter.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
            if (path == null || documented == null || !"uuid".equals(documented.schema().format())) {
                continue;
            }
            String name = path.name().isEmpty() ? (path.value().isEmpty() ? parameter.getParameterName() : path.value()) : path.name();
            if (variables.get(name) instanceof String value) {
                Ids.parse(value, noun(String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)), name));
            }
        }
    }

    /** "/api/kims/imports/{id}" → "import"; "/api/kims/{id}" → "KIM", as Simpul writes it. */
    static String noun(String pattern, String variable) {
        String[] segments = pattern.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + variable + "}")) {
                String plural = segments[i - 1];
                String singular = plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
                return singular.equals("kim") ? "KIM" : singular;
            }
        }
        return variable;
    }

    /** The names in the query string, decoded (the edge filter has refused those that cannot be). */
    static Set<String> sentNames(String query) {
        Set<String> names = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = EdgeFilter.decode(equals < 0 ? pair : pair.substring(0, equals));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The query parameters a handler method takes, in the order it declares them; empty when it takes any. */
    static Optional<Set<String>> queryNames(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(PathVariable.class) || parameter.hasParameterAnnotation(RequestHeader.class)
                    || parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)
                    || parameter.hasParameterAnnotation(CookieValue.class) || parameter.hasParameterAnnotation(RequestAttribute.class)
                    || isUpload(parameter)) {
                continue;
            }
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? param.value() : param.name();
                if (name.isEmpty() && Map.class.isAssignableFrom(type)) {
                    return Optional.empty();
                }
                names.add(name.isEmpty() ? parameter.getParameterName() : name);
            } else if (FROM_THE_REQUEST.stream().anyMatch(t -> t.isAssignableFrom(type))) {
                continue;
            } else if (BeanUtils.isSimpleProperty(type) || isSimpleCollection(parameter)) {
                names.add(parameter.getParameterName());
            } else if (type.isRecord()) {
                Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
            } else {
                Arrays.stream(BeanUtils.getPropertyDescriptors(type)).filter(p -> p.getWriteMethod() != null)
                        .map(PropertyDescriptor::getName).forEach(names::add);
            }
        }
        return Optional.of(names);
    }

    private static boolean isUpload(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        Class<?> element = isCollection(type) ? parameter.getNestedParameterType() : type;
        return MultipartFile.class.isAssignableFrom(element) || jakarta.servlet.http.Part.class.isAssignableFrom(element)
                || (type.isArray() && MultipartFile.class.isAssignableFrom(type.getComponentType()));
    }

    private static boolean isSimpleCollection(MethodParameter parameter) {
        if (!isCollection(parameter.getParameterType())) {
            return false;
        }
        Class<?> element = org.springframework.core.ResolvableType.forMethodParameter(parameter).asCollection().resolveGeneric(0);
        return element != null && BeanUtils.isSimpleProperty(element);
    }

    private static boolean isCollection(Class<?> type) {
        return java.util.Collection.class.isAssignableFrom(type);
    }
}
