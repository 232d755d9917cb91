package id.simpul.web.kim;

import id.simpul.web.workspace.Me;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle steps a KIM page offers as buttons: those registry-service allows from the KIM's status now, that
 * the signed-in person may take (docs/access.md: a regency or province officer or the ministry; VERIFIED only a
 * province or the ministry, and not whoever submitted it). The service checks again.
 */
final class KimSteps {

    private KimSteps() {
    }

    static List<String> offered(Map<String, Object> kim, Me me) {
        if (!me.registersKims() || !(kim.get("allowedTransitions") instanceof Collection<?> allowed)) {
            return List.of();
        }
        String submitter = submitter(kim);
        return KimPages.STATUSES.stream()
                .filter(allowed::contains)
                .filter(step -> !step.equals("VERIFIED") || me.verifiesKims() && !me.username().equals(submitter))
                .toList();
    }

    /** Who put the KIM up for verification last, from its history (null when unknown). */
    static String submitter(Map<String, Object> kim) {
        String submitter = null;
        if (kim.get("history") instanceof List<?> steps) {
            for (Object step : steps) {
                if (step instanceof Map<?, ?> change && "SUBMITTED".equals(change.get("to"))
                        && change.get("by") instanceof Map<?, ?> by) {
                    submitter = String.valueOf(by.get("id"));
                }
            }
        }
        return submitter;
    }
}
