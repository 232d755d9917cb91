package id.simpul.registry;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;
import id.simpul.testinfra.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** registry-service's OpenAPI document tells what the API answers (docs/api.md, "OpenAPI"). */
@IntegrationTest
class ApiDocsIntegrationTest {

    @LocalServerPort
    int port;
    Http http;
    Http.Response docs;

    @BeforeEach
    void read() {
        http = TestIssuer.as(Caller.MINISTRY_ADMIN, port);
        docs = http.get("/v3/api-docs");
        // Kept for reading and for linting by hand (tools/openapi-lint).
        java.nio.file.Path copy = java.nio.file.Path.of("target", "openapi.json");
        try {
            java.nio.file.Files.writeString(copy, docs.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, Object> responses(String path, String method) {
        return docs.json("$.paths['" + path + "']." + method + ".responses");
    }

    @Test
    void aRegistrationAnswers201WithLocationAndNamesItsConflictsAndRules() {
        assertThat(responses("/api/kims", "post")).containsOnlyKeys("201", "400", "401", "403", "409", "413", "415", "422", "503");
        assertThat(docs.<List<Map<String, Object>>>json("$.paths['/api/kims'].post.security")).containsExactly(Map.of("bearer", List.of()));
        assertThat(docs.<String>json("$.paths['/api/kims'].post.description")).contains("Right: kims.register, held by",
                "REGENCY_OFFICER (scope)", "MINISTRY_ADMIN");
        assertThat(docs.<String>json("$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/kims'].post.responses.201.headers")).containsKeys("Location", "ETag");
        assertThat(docs.<String>json("$.paths['/api/kims'].post.responses.409.content['application/problem+json'].schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/kims'].post.requestBody.content['application/json'].examples"))
                .isNotEmpty();
    }

    @Test
    void aProfileCorrectionNeedsIfMatch() {
        assertThat(responses("/api/kims/{id}", "put")).containsKeys("200", "400", "404", "409", "412", "422", "428", "503");
        assertThat(docs.<List<Boolean>>json("$.paths['/api/kims/{id}'].put.parameters[?(@.name == 'If-Match')].required"))
                .containsExactly(true);
    }

    @Test
    void theListShowsPageSizeAndTheSortValuesAsPlainParameters() {
        assertThat(docs.<List<String>>json("$.paths['/api/kims'].get.parameters[*].name"))
                .containsExactly("region", "status", "focusArea", "hasMedia", "q", "sort", "cursor", "page", "size");
        assertThat(docs.<List<String>>json("$.paths['/api/kims'].get.parameters[?(@.name == 'sort')].schema.enum[*]"))
                .contains("name", "registeredAt,desc", "memberCount,asc");
    }

    @Test
    void theImportIsAMultipartUploadAnswered202AndRegionsAreServedFromMemory() {
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/kims/imports'].post.requestBody.content")).containsOnlyKeys("multipart/form-data");
        assertThat(responses("/api/kims/imports", "post")).containsOnlyKeys("202", "400", "401", "403", "413", "415", "503");
        assertThat(responses("/api/regions/{code}", "get")).as("public: 401 only when public reads are closed")
                .containsOnlyKeys("200", "400", "401", "404");
        assertThat(docs.<List<Map<String, Object>>>json("$.paths['/api/regions/{code}'].get.security"))
                .containsExactly(Map.of(), Map.of("bearer", List.of()));
    }

    @Test
    void theImportAndTheTemplateDocumentEveryColumnOfTheTemplate() {
        List<String> columns = Arrays.asList(http.get("/api/kims/imports/template.csv").body().lines().findFirst().orElseThrow().split(","));
        String example = docs.json("$.paths['/api/kims/imports/template.csv'].get.responses.200.content['text/csv'].examples.header.value");
        String description = docs.json("$.paths['/api/kims/imports'].post.description");

        assertThat(Arrays.asList(example.strip().split(","))).isEqualTo(columns);
        assertThat(columns).allSatisfy(column -> assertThat(description).contains(column));
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = docs.json("$.paths.*.*.operationId");
        assertThat(ids).doesNotHaveDuplicates().contains("registerKim", "listKims", "getKimImport", "getRegion");
    }
}
