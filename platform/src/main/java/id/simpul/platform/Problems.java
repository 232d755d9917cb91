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

    /** 400: the request is malformed; {@code errors} names each parameter or field with what is wrong with it. */
    public static ProblemDetail invalid(List<ProblemDetailsAdvice.FieldProblem> errors) {
        return withErrors(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors);
    }

    /** 422: text that Simpul does not keep (control characters, bidirectional overrides, only white space…). */
    public static ProblemDetail invalidText(List<ProblemDetailsAdvice.FieldProblem> errors) {
        return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-text", "Text not accepted", errors);
    }

    /**
     * A well-formed request that breaks a rule (for example a region's minimum number of members): 422 with the
     * offending fields.
     */
    public static ProblemDetail ruleViolation(List<ProblemDetailsAdvice.FieldProblem> errors) {
        return withErrors(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", "Breaks a rule", errors);
    }

    /**
     * The same as {@link #ruleViolation(List)}: the detail is always the first problem in words now, so that every
     * service says it alike; {@code ignoredDetail} is not used.
     *
     * @deprecated use {@link #ruleViolation(List)}
     */
    @Deprecated(forRemoval = true)
    public static ProblemDetail ruleViolation(String ignoredDetail, List<ProblemDetailsAdvice.FieldProblem> errors) {
        return ruleViolation(errors);
    }

    /**
     * The {@code detail} of a problem with field errors: the first in words, and how many more, as in
     * "name: must not be blank (and 2 more problems)".
     */
    public static String firstProblem(List<ProblemDetailsAdvice.FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "The request cannot be taken as it is.";
        }
        ProblemDetailsAdvice.FieldProblem first = errors.getFirst();
        String words = first.field() + ": " + (first.message() == null ? "is invalid" : first.message());
        int more = errors.size() - 1;
        return more == 0 ? words : words + " (and " + more + " more problem" + (more == 1 ? ")" : "s)");
    }

    private static ProblemDetail withErrors(HttpStatus status, String type, String title,
                                            List<ProblemDetailsAdvice.FieldProblem> errors) {
        ProblemDetail problem = of(status, type, title, firstProblem(errors));
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

    /** 404: nothing has this id (of the right shape: a malformed one is {@link Ids#parse 400}). */
    public static ErrorResponseException notFound(String what, String id) {
        return exception(notFoundProblem("There is no " + what + " " + id + "."));
    }

    /** The one 404 problem of every service: type not-found, title "Not found", the detail naming what is missing. */
    public static ProblemDetail notFoundProblem(String detail) {
        return of(HttpStatus.NOT_FOUND, "not-found", NOT_FOUND_TITLE, detail);
    }

    static final String NOT_FOUND_TITLE = "Not found";

    static String firstLine(Throwable e) {
        return firstLine(e.getMessage() == null ? "it cannot be read" : e.getMessage());
    }

    static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private Problems() {
    }
}
