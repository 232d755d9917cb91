package id.simpul.web.workspace;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One service as the pages call it: JSON in and out, the signed-in user's access token on every call (the
 * interceptor of {@link Services}), and any refusal turned into a {@link ServiceProblem} holding the service's
 * problem details, so that a page can show them beside the fields or as a message.
 */
public final class ServiceClient {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final String name;
    private final RestClient client;

    ServiceClient(String name, RestClient client) {
        this.name = name;
        this.client = client;
    }

    /** GET of a JSON object. */
    public Json get(Function<UriBuilder, URI> uri) {
        return call(() -> {
            var entity = client.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve().toEntity(JSON);
            return new Json(entity.getBody(), entity.getHeaders().getETag());
        });
    }

    public Json get(String path, Object... variables) {
        return get(builder -> builder.path(path).build(variables));
    }

    /** POST of a JSON body; {@code ifMatch} is sent when not null. */
    public Json post(String path, Object body, String ifMatch, Object... variables) {
        return send(HttpMethod.POST, path, body, ifMatch, variables);
    }

    /** PUT of a JSON body with the ETag last read. */
    public Json put(String path, Object body, String ifMatch, Object... variables) {
        return send(HttpMethod.PUT, path, body, ifMatch, variables);
    }

    /** PATCH (JSON merge patch) with the ETag last read. */
    public Json patch(String path, Object body, String ifMatch, Object... variables) {
        return send(HttpMethod.PATCH, path, body, ifMatch, variables);
    }

    private Json send(HttpMethod method, String path, Object body, String ifMatch, Object... variables) {
        return call(() -> {
            var request = client.method(method).uri(path, variables).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON);
            if (ifMatch != null) {
                request = request.header(HttpHeaders.IF_MATCH, ifMatch);
            }
            var entity = request.body(body).retrieve().toEntity(JSON);
            return new Json(entity.getBody(), entity.getHeaders().getETag());
        });
    }

    /** DELETE; the answer's body, if any, is returned. */
    public Json delete(String path, Object... variables) {
        return call(() -> {
            var entity = client.delete().uri(path, variables).accept(MediaType.APPLICATION_JSON).retrieve().toEntity(JSON);
            return new Json(entity.getBody(), entity.getHeaders().getETag());
        });
    }

    /** POST of one file as the multipart part {@code part}, as a person uploads it. */
    public Json postFile(String path, String part, String filename, byte[] content, Object... variables) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add(part, new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename == null || filename.isBlank() ? "upload.csv" : filename;
            }
        });
        return call(() -> {
            var entity = client.post().uri(path, variables).contentType(MediaType.MULTIPART_FORM_DATA)
                    .accept(MediaType.APPLICATION_JSON).body(parts).retrieve().toEntity(JSON);
            return new Json(entity.getBody(), entity.getHeaders().getETag());
        });
    }

    private Json call(Supplier<Json> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            Map<String, Object> problem;
            try {
                problem = e.getResponseBodyAs(JSON);
            } catch (RuntimeException unreadable) {
                problem = null;
            }
            throw new ServiceProblem(name, HttpStatusCode.valueOf(e.getStatusCode().value()), problem == null ? Map.of() : problem);
        } catch (ResourceAccessException e) {
            throw new ServiceProblem(name, HttpStatusCode.valueOf(503), Map.of("detail", name + " cannot be reached"));
        }
    }

    /** A part of a page another service shows: left out (null) while that service refuses it or has not heard of it. */
    public static Map<String, Object> optional(Supplier<Map<String, Object>> part) {
        try {
            return part.get();
        } catch (ServiceProblem notThere) {
            return null;
        }
    }

    /** A JSON answer and its ETag (null when the service sent none). */
    public record Json(Map<String, Object> body, String etag) {
    }
}
