package id.simpul.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the problem details Simpul answers with; {@code type} URIs name the kind of problem. */
public final class Problems {

    public static final String TYPE_BASE = "https://simpul.id/problems/";

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<ProblemDetailsAdvice.FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors.stream().map(ProblemDetailsAdvice.FieldProblem::asMap).toList());
        return problem;
    }

    /** 422: text that Simpul does not keep (control characters, bidirectional overrides, only white space…). */
    public static ProblemDetail invalidText(List<ProblemDetailsAdvice.FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-text", "Text not accepted",
                errors.size() == 1 ? "1 field holds text that is not accepted." : errors.size() + " fields hold text that is not accepted.");
        problem.setProperty("errors", errors.stream().map(ProblemDetailsAdvice.FieldProblem::asMap).toList());
        return problem;
    }

    /**
     * A well-formed request that breaks a rule (for example a region's minimum number of members): 422 with the
     * offending fields.
     */
    public static ProblemDetail ruleViolation(String detail, List<ProblemDetailsAdvice.FieldProblem> errors) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", "Breaks a rule", detail);
        problem.setProperty("errors", errors.stream().map(ProblemDetailsAdvice.FieldProblem::asMap).toList());
        return problem;
    }

    /** An exception that the web layer answers with {@code problem}. */
    public static ErrorResponseException exception(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    /** 413: the body is larger than {@code limit} bytes. */
    public static ProblemDetail bodyTooLarge(long limit) {
        ProblemDetail problem = of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body may hold at most " + limit + " bytes.");
        problem.setProperty("maxBytes", limit);
        return problem;
    }

    /** 503: the service's store cannot be reached; nothing was changed, the request may be sent again later. */
    public static ProblemDetail storeUnavailable() {
        ProblemDetail problem = of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
                "The service cannot reach its database right now. Try again in "
                        + StoreUnavailable.RETRY_AFTER.toSeconds() + " seconds.");
        return problem;
    }

    /** A problem as the JSON object it is written as (for answers written outside Spring MVC). */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }

    public static ErrorResponseException notFound(String what, String id) {
        return exception(of(HttpStatus.NOT_FOUND, "not-found", what + " not found", "There is no " + what + " " + id + "."));
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private Problems() {
    }
}
