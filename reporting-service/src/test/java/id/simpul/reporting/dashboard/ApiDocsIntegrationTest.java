package id.simpul.reporting.dashboard;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** reporting-service's OpenAPI document tells what the API answers (docs/api.md, "OpenAPI"). */
class ApiDocsIntegrationTest extends DashboardIntegrationTest {

    Http.Response docs;

    @BeforeEach
    void read() {
        docs = http.get("/v3/api-docs");
    }

    private Map<String, Object> responses(String path) {
        return docs.json("$.paths['" + path + "'].get.responses");
    }

    @Test
    void figuresServedFromMemoryAnswerNo503AndIdsAre400Or404() {
        assertThat(responses("/api/dashboard/summary")).containsOnlyKeys("200", "400", "401");
        assertThat(responses("/api/dashboard/programmes/{id}")).containsOnlyKeys("200", "400", "401", "404");
        assertThat(docs.<String>json("$.paths['/api/dashboard/kims/{id}'].get.parameters[0].schema.format")).isEqualTo("uuid");
        assertThat(docs.<String>json("$.paths['/api/dashboard/regions/{code}'].get.responses.404.content['application/problem+json'].schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theExportsAreCsvWithTheColumnsTheyHold() {
        String regions = http.get("/api/exports/regions.csv").body().lines().findFirst().orElseThrow();
        assertThat(docs.<String>json("$.paths['/api/exports/regions.csv'].get.responses.200.content['text/csv'].schema.description"))
                .endsWith(regions);
        assertThat(docs.<String>json("$.paths['/api/exports/programmes/{id}/outputs.csv'].get.responses.200.content['text/csv'].examples.outputs.value"))
                .startsWith(ExportController.OUTPUT_COLUMNS + "\n");
    }

    @Test
    void theRebuildAnswers202WithLocationOr409() {
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/admin/projections/rebuild'].post.responses"))
                .containsOnlyKeys("202", "400", "401", "403", "409", "503");
        assertThat(docs.<Map<String, Object>>json("$.paths['/api/admin/projections/rebuild'].post.responses.202.headers")).containsKey("Location");
    }

    @Test
    void operationIdsAreUnique() {
        List<String> ids = docs.json("$.paths.*.*.operationId");
        assertThat(ids).doesNotHaveDuplicates().contains("getNationalFigures", "exportRegions", "listDeadLetters");
    }
}
