package id.simpul.platform;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The API style every service gets from the platform: refused query parameters, ids, problems in words. */
@WebMvcTest(controllers = ApiStyleTest.ListController.class)
@Import({ProblemDetailsAdvice.class, StrictJson.class, ApiStyleTest.ListController.class, ApiStyleTest.Check.class})
class ApiStyleTest {

    @Autowired
    MockMvcTester mvc;

    enum Status { DRAFT, SCHEDULED, COMPLETED }

    record Session(LocalDateTime start, Integer capacity) {
    }

    static final class GroupSort {
        static final Sorting.Fields FIELDS = Sorting.Fields.of(true, "name", "nameKey", "registeredAt", "registeredAt");
    }

    @RestController
    static class ListController {
        @GetMapping("/groups")
        String list(@RequestParam(required = false) String region, @RequestParam(required = false) Set<Status> status,
                    @RequestParam(required = false) String q, @RequestParam(required = false) @SortedBy(GroupSort.class) String sort,
                    @Valid PageQuery page) {
            return GroupSort.FIELDS.parse(sort).spec() + " " + page.page() + "/" + page.size();
        }

        @GetMapping("/summary")
        String summary() {
            return "summary";
        }

        @GetMapping("/groups/{id}")
        String get(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String id) {
            throw Problems.notFound("group", id);
        }

        @GetMapping("/sessions")
        String sessions(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) Integer limit) {
            return "sessions";
        }

        @PostMapping("/sessions")
        Session plan(@RequestBody Session session) {
            return session;
        }

        @PostMapping(value = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String note) {
            return String.valueOf(file.getSize());
        }
    }

    @TestConfiguration
    static class Check implements WebMvcConfigurer {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new ParameterCheck());
        }
    }

    @Test
    void anUnknownQueryParameterOfAListIsRefusedNamingTheParametersItTakes() {
        assertThat(mvc.get().uri("/groups?stauts=DRAFT&page=1")).hasStatus(400)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://simpul.id/problems/invalid-request", "title": "Invalid request", "status": 400,
                         "detail": "stauts: is not a parameter of this list; the parameters are: region, status, q, sort, page, size",
                         "errors": [{"field": "stauts",
                                     "message": "is not a parameter of this list; the parameters are: region, status, q, sort, page, size"}]}""");
    }

    @Test
    void theParametersAListTakesAreAccepted() {
        assertThat(mvc.get().uri("/groups?region=63&status=DRAFT&status=SCHEDULED&q=a&sort=registeredAt,desc&page=1&size=5"))
                .hasStatus(200).hasBodyTextEqualTo("registeredAt,desc 1/5");
    }

    @Test
    void anOperationWithoutParametersRefusesAny() {
        assertThat(mvc.get().uri("/summary?page=0")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("is not a parameter of this request, which takes none");
    }

    @Test
    void everyUnknownParameterIsNamedAndTheDetailSaysTheFirst() {
        assertThat(mvc.get().uri("/summary?a=1&b=2&c=3")).hasStatus(400)
                .bodyJson().extractingPath("$.detail").isEqualTo("a: is not a parameter of this request, which takes none (and 2 more problems)");
    }

    @Test
    void theFieldsOfAMultipartBodyAreNotQueryParameters() {
        assertThat(mvc.post().uri("/uploads").multipart().file("file", new byte[] {1, 2}).param("note", "x")).hasStatus(200);
        assertThat(mvc.post().uri("/uploads?other=1").multipart().file("file", new byte[] {1, 2})).hasStatus(400);
    }

    @Test
    void anUnknownSortFieldIsRefusedNamingTheFields() {
        assertThat(mvc.get().uri("/groups?sort=colour")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("sort by one of name, registeredAt, optionally followed by ,asc or ,desc");
    }

    @Test
    void aMalformedIdIs400AndAnUnknownOne404() {
        assertThat(mvc.get().uri("/groups/not-a-uuid")).hasStatus(400)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://simpul.id/problems/invalid-request", "status": 400,
                         "errors": [{"field": "id", "message": "must be a group id, a UUID such as 3f2b8c1e-5d4a-4e0b-9c6f-1a2b3c4d5e6f"}]}""");
        assertThat(mvc.get().uri("/groups/3f2b8c1e-5d4a-4e0b-9c6f-1a2b3c4d5e6f")).hasStatus(404)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://simpul.id/problems/not-found", "title": "Not found", "status": 404,
                         "detail": "There is no group 3f2b8c1e-5d4a-4e0b-9c6f-1a2b3c4d5e6f."}""");
    }

    @Test
    void aParameterOfTheWrongTypeIsDescribedInWordsNotJavaTypes() {
        assertThat(mvc.get().uri("/sessions?from=12-03-2024")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a date like 2024-03-12, not '12-03-2024'");
        assertThat(mvc.get().uri("/sessions?limit=many")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a whole number, not 'many'");
        assertThat(mvc.get().uri("/groups?status=LATE")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be one of DRAFT, SCHEDULED, COMPLETED, not 'LATE'");
        assertThat(mvc.get().uri("/groups?size=lots")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a whole number, not 'lots'");
    }

    @Test
    void aLocalTimeSentWithAnOffsetSaysItMustBeTheVenuesLocalTime() {
        assertThat(mvc.post().uri("/sessions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"start\": \"2026-12-10T09:00:00+08:00\"}")).hasStatus(400)
                .bodyJson().isLenientlyEqualTo("""
                        {"errors": [{"field": "start", "message":
                         "must be a local time at the venue like 2026-12-10T09:00, without an offset (the venue's zone applies)"}]}""");
    }

    @Test
    void aBodyOfTheWrongShapeNamesNoJavaClass() {
        assertThat(mvc.post().uri("/sessions").contentType(MediaType.APPLICATION_JSON).content("[1, 2]")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be an object");
        assertThat(mvc.post().uri("/sessions").contentType(MediaType.APPLICATION_JSON).content("{\"capacity\": }"))
                .hasStatus(400).bodyJson().extractingPath("$.detail").asString()
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]").doesNotContain("Exception").doesNotContain("Feature");
    }

    @Test
    void aMissingBodyNamesNoJavaMethod() {
        assertThat(mvc.post().uri("/sessions").contentType(MediaType.APPLICATION_JSON)).hasStatus(400)
                .bodyJson().extractingPath("$.detail").isEqualTo("The body is missing: this request takes a JSON document of the documented shape.");
    }

    @Test
    void springsOwnProblemsHaveSentenceCaseTitles() {
        assertThat(mvc.delete().uri("/summary")).hasStatus(405)
                .bodyJson().extractingPath("$.title").isEqualTo("Method not allowed");
    }

    @Test
    void theNounOfAnIdComesFromThePath() {
        assertThat(ParameterCheck.noun("/api/kims/imports/{id}", "id")).isEqualTo("import");
        assertThat(ParameterCheck.noun("/api/kims/{id}", "id")).isEqualTo("KIM");
        assertThat(ParameterCheck.noun("/api/programmes/{programmeId}/outputs/{id}", "programmeId")).isEqualTo("programme");
    }
}
