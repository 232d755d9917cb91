package id.simpul.web.workspace;

import java.util.stream.Collectors;

/** A service's refusal as one line for a page's message: its detail, then each field it names with its message. */
public final class Refusals {

    private Refusals() {
    }

    public static String text(ServiceProblem problem) {
        String fields = problem.fieldErrors().entrySet().stream()
                .map(error -> error.getKey() + ": " + error.getValue()).collect(Collectors.joining("; "));
        String detail = problem.detail();
        if (fields.isEmpty()) {
            return detail;
        }
        if (detail == null || fields.contains(detail)) {
            return fields;
        }
        return detail.isBlank() ? fields : detail + " (" + fields + ")";
    }
}
