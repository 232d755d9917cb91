package id.simpul.registry.kim;

import id.simpul.testinfra.Caller;
import id.simpul.testinfra.Http;
import id.simpul.testinfra.TestIssuer;

import java.net.http.HttpRequest;
import java.util.UUID;

/** The KIM API as a client uses it, for the integration tests. */
final class KimApi {

    final Http http;

    KimApi(int port) {
        this(TestIssuer.as(Caller.MINISTRY_ADMIN, port));
    }

    KimApi(Http http) {
        this.http = http;
    }

    /** A profile that meets the strictest sample rules (Kabupaten Banjar: SK and 15 members). */
    static String validBody(String name, String villageCode) {
        return """
                {"name": "%s", "villageCode": "%s", "memberCount": 20,
                 "decree": {"number": "12/SK/2021", "date": "2021-01-11", "issuer": "Lurah"},
                 "focusAreas": ["HEALTH", "UMKM"],
                 "mediaChannels": [{"type": "INSTAGRAM", "address": "@kim.test", "followers": 120}]}""".formatted(name, villageCode);
    }

    /** A name no other test uses. */
    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    Http.Response register(String body) {
        return http.postJson("/api/kims", body);
    }

    String registerValid(String name, String villageCode) {
        Http.Response created = register(validBody(name, villageCode));
        if (created.status() != 201) {
            throw new AssertionError("Registration failed: " + created);
        }
        return created.json("$.id");
    }

    Http.Response get(String id) {
        return http.get("/api/kims/" + id);
    }

    Http.Response put(String id, String ifMatch, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/api/kims/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request);
    }

    Http.Response changeStatus(String id, String status, String reason) {
        return http.postJson("/api/kims/" + id + "/status",
                reason == null ? "{\"status\": \"" + status + "\"}" : "{\"status\": \"" + status + "\", \"reason\": \"" + reason + "\"}");
    }
}
