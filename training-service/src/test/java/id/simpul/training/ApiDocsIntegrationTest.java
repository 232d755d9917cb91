package id.simpul.training;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** training-service's OpenAPI document tells what the API answers (docs/api.md, "OpenAPI"). */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsIntegrationTest {

    @LocalServerPort
    int port;
    Http.Response docs;

    @BeforeAll
    void read() throws java.io.IOException {
        docs = TestIssuer.as(Caller.MINISTRY_ADMIN, port).get("/v3/api-docs");
        // Kept for reading and for linting by hand (tools/openapi-lint).
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), docs.body());
    }

    private Map<String, Object> responses(String path, String method) {
        return docs.json("$.paths['" + path + "']." + method + ".responses");
    }

    @Test
    void planningATrainingAnswers201WithLocationAndNamesItsRules() {
        assertThat(responses("/api/trainings", "post")).containsOnlyKeys("201", "400", "401", "403", "413", "415", "422", "503");
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/trainings'].post.responses.201.headers")).containsKey("Location");
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/trainings'].post.requestBody.content['application/json'].examples"))
                .isNotEmpty();
    }

    @Test
    void everyCorrectionNeedsIfMatchAndSaysWhatItRefuses() {
        for (String path : List.of("/api/programmes/{id}", "/api/partners/{id}", "/api/trainings/{id}",
                "/api/programmes/{programmeId}/outputs/{id}")) {
            assertThat(responses(path, "patch")).as(path).containsKeys("200", "400", "404", "412", "428", "503");
            assertThat(docs.<List<Boolean>>json("$.paths['" + path + "'].patch.parameters[?(@.name == 'If-Match')].required"))
                    .as(path).containsExactly(true);
        }
        assertThat(responses("/api/trainings/{id}", "patch")).containsKeys("409", "422");
        assertThat(responses("/api/programmes/{programmeId}/outputs/{id}/withdrawal", "post")).containsKeys("200", "409", "412", "428");
    }

    @Test
    void listsShowPageSizeAndTheirSortValuesAsPlainParameters() {
        assertThat(docs.<List<String>>json("$.paths['/api/programmes'].get.parameters[*].name"))
                .containsExactly("theme", "region", "organiser", "organiserRegion", "from", "to", "status", "sort", "page", "size");
        assertThat(docs.<List<String>>json("$.paths['/api/trainings'].get.parameters[?(@.name == 'sort')].schema.enum[*]"))
                .contains("start", "title,desc", "capacity,asc");
        assertThat(docs.<List<String>>json("$.paths['/api/kims/{kimId}/enrolments'].get.parameters[?(@.name == 'sort')].schema.enum[*]"))
                .contains("enrolledAt", "start,asc");
    }

    @Test
    void theSignInSheetIsAMultipartUploadBesideTheJsonForm() {
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/trainings/{id}/attendance'].post.requestBody.content"))
                .containsOnlyKeys("application/json", "multipart/form-data");
        assertThat(docs.<String>json("$.paths['/api/trainings/{id}/attendance'].post.description"))
                .contains("id_pendaftaran", "kim_id", "nama_peserta");
    }
}
