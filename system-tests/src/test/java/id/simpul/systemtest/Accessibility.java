package id.simpul.systemtest;

import org.openqa.selenium.JavascriptExecutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** axe-core (pinned in tools/axe) run on the page a browser test has open. */
final class Accessibility {

    static final Path AXE = Path.of(System.getProperty("simpul.axe", "../tools/axe/node_modules/axe-core/axe.min.js"));

    /** Why the check cannot run here, or null when it can. */
    static String missing() {
        return Files.isReadable(AXE) ? null : "the accessibility check needs axe-core at " + AXE + " (npm ci --prefix tools/axe)";
    }

    static String load() throws IOException {
        return Files.readString(AXE);
    }

    /** axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. */
    @SuppressWarnings("unchecked")
    static void assertAccessible(JavascriptExecutor browser, String axe, String where) {
        browser.executeScript(axe);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                                   .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join('; ')}))))
                   .catch(e => done([{id: 'axe-failed', impact: 'critical', nodes: String(e)}]));""");
        assertThat(violations).as("axe-core on " + where).isEmpty();
    }

    private Accessibility() {
    }
}
