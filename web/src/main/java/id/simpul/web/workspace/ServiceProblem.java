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
