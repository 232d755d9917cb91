package id.simpul.systemtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each running service's {@code /v3/api-docs} linted by the pinned Redocly CLI ({@code tools/openapi-lint}, its
 * {@code redocly.yaml}): no error and no warning. Without Redocly installed ({@code npm ci --prefix tools/openapi-lint})
 * it is skipped, unless {@value #REQUIRE_REDOCLY} is 1 (as in CI), which makes its absence a failure.
 */
class OpenApiContractIT {

    static final String REQUIRE_REDOCLY = "SIMPUL_REQUIRE_REDOCLY";
    private static final List<String> SERVICES = List.of("registry-service", "training-service", "reporting-service");
    private static final Path LINT = root().resolve("tools/openapi-lint");
    private static final Path REDOCLY = LINT.resolve("node_modules/.bin/redocly");
    private static final Path DOCUMENTS = Path.of("target", "openapi");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String missingRedocly;
    private static SimpulSystem system;

    @BeforeAll
    static void startSystem() {
        missingRedocly = Files.isExecutable(REDOCLY) ? null
                : REDOCLY + " is not installed (npm ci --prefix tools/openapi-lint)";
        if (missingRedocly != null) {
            if ("1".equals(System.getenv(REQUIRE_REDOCLY))) {
                fail(REQUIRE_REDOCLY + "=1 but " + missingRedocly);
            }
            System.out.println("OpenApiContractIT is skipped: " + missingRedocly);
            return;
        }
        system = SimpulSystem.get();
    }

    @Test
    void everyServicesOpenApiDocumentPassesRedoclyWithoutErrorsOrWarnings() throws Exception {
        assumeTrue(missingRedocly == null, () -> "Skipped: " + missingRedocly + "; set " + REQUIRE_REDOCLY + "=1 to make this a failure");
        Files.createDirectories(DOCUMENTS);
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path document = DOCUMENTS.resolve(service + ".json");
            Files.writeString(document, system.http(service).get("/v3/api-docs").body(), StandardCharsets.UTF_8);
            List<String> found = lint(document);
            System.out.printf("Redocly %s: %d findings%n", service, found.size());
            found.forEach(finding -> System.out.println("  " + finding));
            findings.put(service, found);
        }
        findings.forEach((service, found) -> assertThat(found).as("Redocly errors and warnings of " + service).isEmpty());
    }

    /** Every error and warning Redocly reports for {@code document}: "error rule-id #/pointer: message". */
    private static List<String> lint(Path document) throws IOException, InterruptedException {
        Path report = Files.createTempFile("redocly", ".json");
        Process redocly = new ProcessBuilder(REDOCLY.toString(), "lint", "--config", LINT.resolve("redocly.yaml").toString(),
                "--format=json", document.toAbsolutePath().toString())
                .redirectOutput(report.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!redocly.waitFor(2, TimeUnit.MINUTES)) {
            redocly.destroyForcibly();
            fail("Redocly did not finish linting " + document + " within 2 minutes");
        }
        JsonNode result = JSON.readTree(Files.readString(report));
        Files.delete(report);
        assertThat(result.has("totals")).as("Redocly's report for " + document + ": " + result).isTrue();
        List<String> found = new ArrayList<>();
        for (JsonNode problem : result.path("problems")) {
            found.add(problem.path("severity").asString() + " " + problem.path("ruleId").asString() + " "
                    + problem.path("location").path(0).path("pointer").asString() + ": " + problem.path("message").asString());
        }
        return found;
    }

    private static Path root() {
        return Path.of(System.getProperty("simpul.root", "..")).toAbsolutePath().normalize();
    }
}
