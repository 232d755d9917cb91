package id.simpul.identity;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityTest
class ApiDocsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentDescribesTheUserApiAndItsBearerTokens() {
        var docs = new Browser(port).get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(docs.body(), "$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(JsonPath.<List<String>>read(docs.body(), "$.paths['/api/users'].post.security[*]")).isNotEmpty();
        assertThat(JsonPath.<Object>read(docs.body(), "$.paths['/api/users'].post.responses['403']")).isNotNull();
        assertThat(JsonPath.<Object>read(docs.body(), "$.paths['/api/admin/keys/rotate'].post")).isNotNull();
    }
}
