package id.simpul.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The strict HTTP edge every service shares: content types, body sizes, JSON types, text, query parameters. */
@WebMvcTest(controllers = StrictEdgeTest.EdgeController.class)
@Import({ProblemDetailsAdvice.class, StrictJson.class, StrictEdgeTest.EdgeController.class, StrictEdgeTest.Edge.class})
class StrictEdgeTest {

    @Autowired
    MockMvcTester mvc;

    record Group(@NotBlank @Size(max = 50) String name, Integer members, Boolean active, List<String> tags,
                 Map<String, Integer> followers) {
    }

    @RestController
    static class EdgeController {
        @PostMapping(value = "/groups", consumes = MediaType.APPLICATION_JSON_VALUE)
        Group create(@RequestBody @Valid Group group) {
            return group;
        }

        @PostMapping(value = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        String upload(@RequestPart("file") MultipartFile file) {
            return String.valueOf(file.getSize());
        }

        @PostMapping("/sign-in")
        String signIn() {
            return "form taken";
        }

        @PostMapping("/rebuild")
        String rebuild() {
            return "started";
        }

        @GetMapping("/groups")
        String find(@RequestParam(required = false) String q) {
            return q == null ? "" : q;
        }
    }

    @TestConfiguration
    static class Edge {
        @Bean
        FilterRegistrationBean<EdgeFilter> edgeFilter() {
            return new FilterRegistrationBean<>(new EdgeFilter(new EdgeLimits(DataSize.ofKilobytes(4), java.util.List.of("/sign-in"))));
        }
    }

    private MockMvcTester.MockMvcRequestBuilder json(String body) {
        return mvc.post().uri("/groups").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void textIsNormalisedBeforeValidation() {
        assertThat(json("{\"name\": \" K\\u200bIM Cafe\\u0301 \"}")).hasStatus(200)
                .bodyJson().extractingPath("$.name").isEqualTo("KIM Caf\u00e9");
    }

    @Test
    void aControlCharacterIsRefusedWith422NamingTheField() {
        assertThat(json("{\"name\": \"KIM\", \"tags\": [\"ok\", \"a\\u0000b\"]}")).hasStatus(422)
                .bodyJson().isLenientlyEqualTo("""
                        {"type": "https://simpul.id/problems/invalid-text", "status": 422,
                         "errors": [{"field": "tags[1]", "message": "contains the control character U+0000"}]}""");
    }

    @Test
    void aNameOfOnlyWhiteSpaceIsRefusedWith422() {
        assertThat(json("{\"name\": \"\\u3000 \\u00a0\"}")).hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
    }

    @Test
    void aMapKeyThatMongoDbWouldReadAsAnOperatorOrPathIsRefused() {
        assertThat(json("{\"name\": \"KIM\", \"followers\": {\"$gt\": 1}}")).hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].message").asString().contains("may not start with $");
        assertThat(json("{\"name\": \"KIM\", \"followers\": {\"a.b\": 1}}")).hasStatus(422);
    }

    @Test
    void jsonTypesAreStrict() {
        assertThat(json("{\"name\": \"KIM\", \"members\": \"20\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("members");
        assertThat(json("{\"name\": \"KIM\", \"members\": 20.5}")).hasStatus(400);
        assertThat(json("{\"name\": 20}")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("name");
        assertThat(json("{\"name\": \"KIM\", \"active\": 1}")).hasStatus(400);
        assertThat(json("{\"name\": \"KIM\", \"active\": \"true\"}")).hasStatus(400);
    }

    @Test
    void unknownFieldsAndKeysGivenTwiceAreRefused() {
        assertThat(json("{\"name\": \"KIM\", \"nmae\": \"typo\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("nmae");
        assertThat(json("{\"name\": \"KIM\", \"name\": \"KIM B\"}")).hasStatus(400);
    }

    @Test
    void aBodyLargerThanTheLimitGets413() {
        assertThat(json("{\"name\": \"" + "x".repeat(5000) + "\"}")).hasStatus(413)
                .bodyJson().extractingPath("$.type").isEqualTo("https://simpul.id/problems/body-too-large");
    }

    @Test
    void aWrongContentTypeGets415NamingTheExpectedOne() {
        assertThat(mvc.post().uri("/groups").contentType(MediaType.TEXT_PLAIN).content("{\"name\": \"KIM\"}")).hasStatus(415)
                .bodyJson().extractingPath("$.detail").asString().contains("application/json");
    }

    @Test
    void aChangeSentAsAPlainHtmlFormWouldSendItIsRefusedSoThatNoOtherSiteCanMakeIt() {
        assertThat(mvc.post().uri("/rebuild").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("x=1")).hasStatus(415)
                .bodyJson().extractingPath("$.type").isEqualTo("https://simpul.id/problems/unsupported-media-type");
        assertThat(mvc.post().uri("/rebuild").contentType("text/plain;charset=UTF-8").content("x")).hasStatus(415);
        assertThat(mvc.post().uri("/rebuild")).hasStatus(200).hasBodyTextEqualTo("started");
        assertThat(mvc.get().uri("/groups").contentType(MediaType.APPLICATION_FORM_URLENCODED)).as("reads are not changes").hasStatus(200);
    }

    @Test
    void aPathListedInFormPathsTakesAUrlEncodedForm() {
        assertThat(mvc.post().uri("/sign-in").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("username=x"))
                .hasStatus(200).hasBodyTextEqualTo("form taken");
    }

    @Test
    void jsonSentAsMultipartToAJsonEndpointGets415() {
        assertThat(mvc.post().uri("/groups").contentType("multipart/form-data").content("{\"name\": \"KIM\"}")).hasStatus(415);
    }

    @Test
    void anUploadWithoutItsFilePartGets400AsAProblem() {
        // A broken multipart body itself is refused by the servlet container's parser (see the system tests' fuzzing).
        assertThat(mvc.post().uri("/uploads").contentType("multipart/form-data").content("--x\r\n\r\nhello\r\n--x--\r\n"))
                .hasStatus(400)
                .bodyJson().extractingPath("$.type").isEqualTo("https://simpul.id/problems/invalid-request");
    }

    @Test
    void aQueryParameterWithAControlCharacterOrBrokenEncodingGets400NamingIt() {
        assertThat(mvc.get().uri(java.net.URI.create("/groups?q=a%00b"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
        assertThat(mvc.get().uri(java.net.URI.create("/groups?q=%ED%A0%80"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("is not UTF-8 text once percent-decoded");
        assertThat(mvc.get().uri(java.net.URI.create("/groups?q=%E2%80%AE"))).hasStatus(400);
        assertThat(mvc.get().uri(java.net.URI.create("/groups?q=Sinar%20Banjar"))).hasStatus(200).hasBodyTextEqualTo("Sinar Banjar");
    }

    @Test
    void percentDecodingRefusesWhatIsNotUtf8() {
        assertThat(EdgeFilter.decode("Sungai+Paring%20%C3%A9")).isEqualTo("Sungai Paring \u00e9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdgeFilter.decode("%E2%80")).hasMessageContaining("not UTF-8");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EdgeFilter.decode("%Z1")).hasMessageContaining("percent-encoding");
    }
}
