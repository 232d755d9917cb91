package id.simpul.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;

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
