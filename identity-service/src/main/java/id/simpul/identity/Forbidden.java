package id.simpul.identity;

import id.simpul.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403 naming the right that is missing, in {@code detail} and as {@code missingRight}. */
public final class Forbidden {

    private Forbidden() {
    }

    public static ErrorResponseException missing(String right) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Missing right " + right + ".");
        problem.setProperty("missingRight", right);
        return Problems.exception(problem);
    }
}
