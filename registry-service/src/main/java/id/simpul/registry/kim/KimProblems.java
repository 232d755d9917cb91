package id.simpul.registry.kim;

import id.simpul.platform.ProblemDetailsAdvice.FieldProblem;
import id.simpul.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** The problem details of what KimService refuses. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class KimProblems {

    @ExceptionHandler(KimExceptions.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(KimExceptions.NotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.notFoundProblem(e.getMessage()));
    }

    @ExceptionHandler(KimExceptions.Stale.class)
    ResponseEntity<ProblemDetail> stale(KimExceptions.Stale e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Changed by someone else",
                e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion);
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + e.currentVersion + "\"").body(problem);
    }

    @ExceptionHandler(KimExceptions.Duplicate.class)
    ResponseEntity<ProblemDetail> duplicate(KimExceptions.Duplicate e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "duplicate-kim", "KIM already registered", e.getMessage());
        problem.setProperty("field", e.field);
        problem.setProperty("existingKim", Map.of("id", e.existing.id().value(), "name", e.existing.profile().name(),
                "villageCode", e.existing.profile().village().value(), "location", "/api/kims/" + e.existing.id().value()));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "illegal-transition", "Status change not allowed",
                e.getMessage());
        problem.setProperty("currentStatus", e.from());
        problem.setProperty("allowedTransitions", e.allowed());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(KimRuleException.class)
    ResponseEntity<ProblemDetail> ruleViolation(KimRuleException e) {
        var errors = e.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList();
        return ResponseEntity.unprocessableContent().body(Problems.ruleViolation(errors));
    }
}
