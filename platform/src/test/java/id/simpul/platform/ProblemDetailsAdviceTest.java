package id.simpul.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(controllers = ProblemDetailsAdviceTest.SampleController.class)
@Import({ProblemDetailsAdvice.class, ProblemDetailsAdviceTest.SampleController.class})
class ProblemDetailsAdviceTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void invalidBodyListsEveryFieldWithItsMessage() {
        assertThat(mvc.post().uri("/samples").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"code\":\"x\"}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"type":"https://simpul.id/problems/invalid-request","title":"Invalid request","status":400,
                         "detail":"code: must be two digits (and 1 more problem)",
                         "errors":[{"field":"code","message":"must be two digits"},
                                   {"field":"name","message":"must not be blank"}]}""");
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        assertThat(mvc.post().uri("/samples").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .hasStatus(400)
                .bodyJson().extractingPath("$.type").isEqualTo("https://simpul.id/problems/unreadable-body");
    }

    @Test
    void wrongParameterTypeNamesTheParameter() {
        assertThat(mvc.get().uri("/samples/page?size=lots"))
                .hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void invalidParameterNamesTheParameter() {
        assertThat(mvc.get().uri("/samples/page?size=0"))
                .hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void missingResourceIs404Problem() {
        assertThat(mvc.get().uri("/samples/42"))
                .hasStatus(404)
                .bodyJson().extractingPath("$.detail").isEqualTo("There is no sample 42.");
    }

    @Test
    void concurrentChangeIs409() {
        assertThat(mvc.get().uri("/samples/conflict")).hasStatus(409)
                .bodyJson().extractingPath("$.type").isEqualTo("https://simpul.id/problems/concurrent-change");
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        assertThat(mvc.get().uri("/samples/boom")).hasStatus(500)
                .bodyJson().extractingPath("$.detail").asString().doesNotContain("secret");
    }

    record SampleRequest(@NotBlank String name, @Pattern(regexp = "\\d{2}", message = "must be two digits") String code) {
    }

    @RestController
    @Validated
    static class SampleController {

        @PostMapping("/samples")
        SampleRequest create(@Valid @RequestBody SampleRequest request) {
            return request;
        }

        @GetMapping("/samples/page")
        int page(@RequestParam @Min(1) int size) {
            return size;
        }

        @GetMapping("/samples/conflict")
        String conflict() {
            throw new OptimisticLockingFailureException("stale");
        }

        @GetMapping("/samples/boom")
        String boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/samples/{id}")
        String find(@PathVariable String id) {
            throw Problems.notFound("sample", id);
        }
    }

    @SpringBootApplication
    static class SampleApplication {
    }
}
