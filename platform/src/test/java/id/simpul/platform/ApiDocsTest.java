package id.simpul.platform;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.models.OpenAPI;
import jakarta.validation.Valid;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document the platform makes of a controller: status codes, problems, paging, sorting. */
@WebMvcTest(controllers = ApiDocsTest.GroupController.class)
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class})
@Import({ProblemDetailsAdvice.class, ApiDocsTest.GroupController.class, ApiDocsTest.Docs.class})
@TestPropertySource(properties = {"springdoc.default-produces-media-type=application/json"})
class ApiDocsTest {

    @Autowired
    MockMvcTester mvc;

    record Group(String name, java.time.LocalDateTime meetsAt) {
    }

    static final class GroupSort {
        static final Sorting.Fields FIELDS = Sorting.Fields.of(true, "name", "nameKey", "members", "members");
    }

    @RestController
    static class GroupController {
        @GetMapping("/api/groups")
        PageResponse<Group> list(@RequestParam(required = false) @SortedBy(GroupSort.class) String sort, @Valid PageQuery page) {
            return PageResponse.slice(java.util.List.of(), page);
        }

        @PostMapping("/api/groups")
        @ResponseStatus(HttpStatus.CREATED)
        @ApiResponse(responseCode = "409", description = "A group of this name exists")
        ResponseEntity<Group> create(@RequestBody Group group) {
            return ResponseEntity.created(URI.create("/api/groups/1")).body(group);
        }

        @PutMapping("/api/groups/{id}")
        Group update(@PathVariable @Parameter(schema = @Schema(format = "uuid")) String id,
                     @Parameter(required = true) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                     @RequestBody Group group) {
            return group;
        }

        @GetMapping("/api/summary")
        @ServedFromMemory
        String summary() {
            return "";
        }
    }

    @TestConfiguration
    static class Docs {
        @Bean
        ApiDocs apiDocs() {
            return new ApiDocs();
        }

        @Bean
        OpenAPI openApi() {
            return new OpenAPI();
        }
    }

    private MockMvcTester.MockMvcRequestBuilder docs() {
        return mvc.get().uri("/v3/api-docs");
    }

    @Test
    void aListShowsPageSizeAndSortAsPlainQueryParameters() {
        assertThat(docs()).bodyJson().isLenientlyEqualTo("""
                {"paths": {"/api/groups": {"get": {"operationId": "listGroups", "parameters": [
                  {"name": "sort", "in": "query", "schema": {"type": "string", "default": "name,asc",
                   "enum": ["name", "name,asc", "name,desc", "members", "members,asc", "members,desc"]}},
                  {"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "default": 0, "minimum": 0}},
                  {"name": "size", "in": "query", "required": false, "schema": {"type": "integer", "default": 20, "minimum": 1, "maximum": 100}}]}}}}""");
    }

    @Test
    void aCreationAnswers201WithLocationAndItsErrorsAsProblems() {
        assertThat(docs()).bodyJson().isLenientlyEqualTo("""
                {"paths": {"/api/groups": {"post": {"operationId": "createGroup", "responses": {
                  "201": {"headers": {"Location": {}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Group"}}}},
                  "400": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                  "409": {"description": "A group of this name exists",
                          "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                  "413": {}, "415": {}, "422": {}, "503": {"headers": {"Retry-After": {}}}}}}}}""");
        assertThat(docs()).bodyJson().extractingPath("$.paths['/api/groups'].post.responses").asMap().doesNotContainKey("200");
    }

    @Test
    void aCorrectionWithIfMatchDocuments404And412And428() {
        assertThat(docs()).bodyJson().extractingPath("$.paths['/api/groups/{id}'].put.responses").asMap()
                .containsKeys("200", "400", "404", "412", "428", "503");
    }

    @Test
    void anOperationServedFromMemoryHasNo503ButStill400ForUnknownParameters() {
        assertThat(docs()).bodyJson().extractingPath("$.paths['/api/summary'].get.responses").asMap()
                .containsKeys("200", "400").doesNotContainKeys("404", "503");
    }

    @Test
    void aLocalTimeIsDocumentedWithoutAnOffset() {
        assertThat(docs()).bodyJson().isLenientlyEqualTo("""
                {"components": {"schemas": {"Group": {"properties": {"meetsAt":
                  {"type": "string", "format": "local-date-time", "example": "2026-12-10T09:00"}}}}}}""");
        assertThat(docs()).bodyJson().extractingPath("$.components.schemas.Group.properties.meetsAt.pattern").asString()
                .satisfies(pattern -> assertThat("2026-12-10T09:00").matches(pattern))
                .satisfies(pattern -> assertThat("2026-12-10T09:00:00+08:00").doesNotMatch(pattern));
    }

    @Test
    void theProblemSchemaIsShared() {
        assertThat(docs()).bodyJson().isLenientlyEqualTo("""
                {"components": {"schemas": {"Problem": {"type": "object", "required": ["type", "title", "status", "detail"],
                  "properties": {"type": {"type": "string"}, "title": {}, "status": {"type": "integer"}, "detail": {},
                                 "instance": {}, "errors": {"type": "array", "items": {"$ref": "#/components/schemas/FieldProblem"}}}},
                  "FieldProblem": {"required": ["field", "message"]}}}}""");
    }
}
