package id.simpul.web.workspace;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One step a person takes from a page (a button or a small form): done, the page shows {@code notice}; refused, it
 * shows the service's reason and the fields it names, a refusal of the person (403) included. A service that is away
 * shows the problem page.
 */
public final class Steps {

    private Steps() {
    }

    public static void take(RedirectAttributes redirect, String notice, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ServiceProblem problem) {
            if (problem.status().value() >= 500) {
                throw problem;
            }
            redirect.addFlashAttribute("refusal", Refusals.text(problem));
        }
    }
}
