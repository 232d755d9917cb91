package id.simpul.training.session;

import id.simpul.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Locale;

/** Problem details of enrolment eligibility and speaker bookings. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblems {

    @ExceptionHandler(NotEligibleException.class)
    ResponseEntity<ProblemDetail> notEligible(NotEligibleException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, e.reason.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                e.reason == NotEligibleException.Reason.KIM_NOT_KNOWN_YET ? "KIM not known yet" : "KIM may not enrol", e.getMessage());
        problem.setProperty("reason", e.reason);
        if (e.kimStatus != null) {
            problem.setProperty("kimStatus", e.kimStatus);
        }
        var response = ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT);
        if (e.reason == NotEligibleException.Reason.KIM_NOT_KNOWN_YET) {
            // Registry events usually arrive within a second: worth another try.
            response.header("Retry-After", "5");
        }
        return response.body(problem);
    }

    @ExceptionHandler(SpeakerConflictException.class)
    ResponseEntity<ProblemDetail> speakerConflict(SpeakerConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "speaker-double-booked", "Speaker already booked", e.getMessage());
        problem.setProperty("otherTrainingId", e.other.trainingId());
        problem.setProperty("otherTrainingTitle", e.other.title());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
