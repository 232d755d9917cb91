package id.simpul.training.common;

import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The problem details of what training-service refuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrainingProblems {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFoundProblem(e.getMessage()));
    }

    @ExceptionHandler(StateException.class)
    ResponseEntity<ProblemDetail> state(StateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "conflict", "Not possible now", e.getMessage()));
    }

    @ExceptionHandler(StaleException.class)
    ResponseEntity<ProblemDetail> stale(StaleException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed by someone else", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion);
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + e.currentVersion + "\"").body(problem);
    }

    @ExceptionHandler(RuleException.class)
    ResponseEntity<ProblemDetail> rule(RuleException e) {
        var errors = e.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList();
        return ResponseEntity.unprocessableContent().body(Problems.ruleViolation(errors));
    }
}
