package id.simpul.web.workspace;

import org.springframework.http.HttpStatusCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A service said no (4xx) or could not be reached; {@code problem} is its RFC 9457 problem detail. */
public final class ServiceProblem extends RuntimeException {

    private final String service;
    private final HttpStatusCode status;
    private final Map<String, Object> problem;

    ServiceProblem(String service, HttpStatusCode status, Map<String, Object> problem) {
        super(service + " answered " + status.value() + ": " + problem.getOrDefault("detail", ""));
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    /** A workspace page that is not for this person (the services would refuse them the same way). */
    public static ServiceProblem notForYou(String detail) {
        return new ServiceProblem("web", HttpStatusCode.valueOf(403), Map.of("detail", detail));
    }

    /**
     * For a form: a refusal of what was typed (400, 409, 412, 422) is shown beside the fields, so it is returned;
     * one of the person (403) or of a service that is away (5xx) is thrown on, to the problem page.
     */
    public ServiceProblem aboutTheInput() {
        int code = status.value();
        if (code >= 500 || code == 401 || code == 403) {
            throw this;
        }
        return this;
    }

    public String service() {
        return service;
    }

    public HttpStatusCode status() {
        return status;
    }

    public String detail() {
        Object detail = problem.get("detail");
        return detail == null ? String.valueOf(problem.getOrDefault("title", "")) : detail.toString();
    }

    /** The message of each field the service named ({@code errors[]}), by field; the first message of a field wins. */
    public Map<String, String> fieldErrors() {
        Map<String, String> byField = new LinkedHashMap<>();
        if (problem.get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e && e.get("field") != null) {
                    byField.putIfAbsent(e.get("field").toString(), String.valueOf(e.get("message")));
                }
            }
        }
        return byField;
    }

    public Map<String, Object> problem() {
        return problem;
    }
}
