package id.simpul.systemtest;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three services follow one API style (docs/api.md): the same problem for a malformed id, an unknown id, a broken
 * rule, an unknown query parameter and an unknown sort field, whichever service answers.
 */
class ApiStyleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEMS = "https://simpul.id/problems/";

    private static Http registry;
    private static Http training;
    private static Http reporting;

    @BeforeAll
    static void startSystem() {
        SimpulSystem system = SimpulSystem.get();
        registry = system.http("registry-service");
        training = system.http("training-service");
        reporting = system.http("reporting-service");
    }

    /** One request to each service, by name. */
    private static Map<String, Http.Response> ask(String registryPath, String trainingPath, String reportingPath) {
        Map<String, Http.Response> answers = new LinkedHashMap<>();
        answers.put("registry-service", registry.get(registryPath));
        answers.put("training-service", training.get(trainingPath));
        if (reportingPath != null) {
            answers.put("reporting-service", reporting.get(reportingPath));
        }
        return answers;
    }

    /** Every answer is the problem of {@code status} and {@code type}, titled {@code title}; all of one shape. */
    private static List<JsonNode> sameProblem(Map<String, Http.Response> answers, int status, String type, String title) {
        List<JsonNode> problems = new ArrayList<>();
        Set<Set<String>> shapes = new java.util.HashSet<>();
        answers.forEach((service, answer) -> {
            assertThat(answer.status()).as(service + ": " + answer.body()).isEqualTo(status);
            assertThat(answer.header("Content-Type")).as(service).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("type").asString()).as(service).isEqualTo(PROBLEMS + type);
            assertThat(problem.path("title").asString()).as(service).isEqualTo(title);
            assertThat(problem.path("status").asInt()).as(service).isEqualTo(status);
            assertThat(problem.path("detail").asString()).as(service).isNotBlank();
            Set<String> members = new TreeSet<>();
            problem.propertyNames().forEach(members::add);
            shapes.add(members);
            problems.add(problem);
        });
        assertThat(shapes).as("the members of the problems of " + answers.keySet()).hasSize(1);
        return problems;
    }

    /** errors[] is there and the detail says its first entry in words, with how many more. */
    private static void detailNamesTheFirstProblem(JsonNode problem) {
        JsonNode errors = problem.path("errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as(problem.toString()).isTrue();
        String first = errors.get(0).path("field").asString() + ": " + errors.get(0).path("message").asString();
        int more = errors.size() - 1;
        assertThat(problem.path("detail").asString()).isEqualTo(first + switch (more) {
            case 0 -> "";
            case 1 -> " (and 1 more problem)";
            default -> " (and " + more + " more problems)";
        });
    }

    @Test
    void aMalformedIdIs400NamingTheIdInEveryService() {
        List<JsonNode> problems = sameProblem(ask("/api/kims/not-a-uuid", "/api/programmes/not-a-uuid",
                "/api/dashboard/programmes/not-a-uuid"), 400, "invalid-request", "Invalid request");

        for (JsonNode problem : problems) {
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("id");
            assertThat(problem.at("/errors/0/message").asString()).contains(" id, a UUID such as ");
            detailNamesTheFirstProblem(problem);
        }
    }

    @Test
    void anUnknownIdIs404NotFoundInEveryService() {
        String unknown = UUID.randomUUID().toString();
        List<JsonNode> problems = sameProblem(ask("/api/kims/" + unknown, "/api/programmes/" + unknown,
                "/api/dashboard/programmes/" + unknown), 404, "not-found", "Not found");

        assertThat(problems).allSatisfy(problem -> assertThat(problem.path("detail").asString()).contains(unknown));
    }

    /**
     * A rule broken in registry (too few members and no SK for Kabupaten Banjar) and in training (a period that ends
     * before it starts). reporting-service takes no writes that rules govern (it reads the event streams; its only
     * writes are a rebuild and dead-letter replays), so it has no rule violation to compare.
     */
    @Test
    void aBrokenRuleIs422RuleViolationWithItsFieldsAndTheFirstInTheDetail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Http.Response> answers = new LinkedHashMap<>();
        answers.put("registry-service", registry.postJson("/api/kims", """
                {"name": "KIM Gaya Api %s", "villageCode": "63.03.05.1005", "memberCount": 3}""".formatted(run)));
        answers.put("training-service", training.postJson("/api/programmes", """
                {"title": "Gaya Api %s", "theme": "ANTI_HOAX", "organiser": {"level": "REGION", "regionCode": "11", "name": "Diskominfo Aceh"},
                 "period": {"start": "2027-12-31", "end": "2027-01-01"}, "targetRegions": ["11"]}""".formatted(run)));

        List<JsonNode> problems = sameProblem(answers, 422, "rule-violation", "Breaks a rule");

        problems.forEach(ApiStyleIT::detailNamesTheFirstProblem);
        assertThat(problems.get(0).at("/errors").findValuesAsString("field")).contains("memberCount");
        assertThat(problems.get(1).at("/errors").findValuesAsString("field")).containsExactly("period.end");
    }

    @Test
    void anUnknownQueryParameterOfAListIs400NamingTheParametersItTakes() {
        List<JsonNode> problems = sameProblem(ask("/api/kims?stauts=ACTIVE", "/api/programmes?stauts=ACTIVE",
                "/api/admin/dead-letters?stauts=WAITING"), 400, "invalid-request", "Invalid request");

        for (JsonNode problem : problems) {
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("stauts");
            assertThat(problem.at("/errors/0/message").asString())
                    .startsWith("is not a parameter of this list; the parameters are: ").endsWith("page, size");
            detailNamesTheFirstProblem(problem);
        }
        assertThat(problems.get(0).at("/errors/0/message").asString()).contains("region, status, focusArea, hasMedia, q, sort");
    }

    /** reporting-service has no list a client sorts (dead letters come newest first), so it is not asked. */
    @Test
    void anUnknownSortFieldIs400NamingTheFieldsInEveryServiceWithSortedLists() {
        List<JsonNode> problems = sameProblem(ask("/api/kims?sort=colour", "/api/programmes?sort=colour", null),
                400, "invalid-request", "Invalid request");

        for (JsonNode problem : problems) {
            assertThat(problem.at("/errors/0/field").asString()).isEqualTo("sort");
            assertThat(problem.at("/errors/0/message").asString()).startsWith("sort by one of ")
                    .endsWith(", optionally followed by ,asc or ,desc");
        }
    }
}
