package id.simpul.training.support;

import id.simpul.testinfra.Http;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The training-service API as a programme manager, a partner or a KIM officer uses it, for tests. */
public final class TrainingApi {

    public final Http http;

    public TrainingApi(Http http) {
        this.http = http;
    }

    public String programme(String targetRegions) {
        return created(http.postJson("/api/programmes", """
                {"title": "Gerakan KIM Cegah Stunting", "theme": "STUNTING",
                 "organiser": {"level": "MINISTRY", "name": "Komdigi"},
                 "period": {"start": "%s", "end": "%s"}, "targetRegions": %s,
                 "targets": {"trainings": 2, "kimsTrained": 10, "outputs": 20, "peopleReached": 5000}}"""
                .formatted(LocalDate.of(2020, 1, 1), LocalDate.now().plusYears(3), targetRegions)));
    }

    /** A correction (PATCH) with the ETag last read, or without If-Match when {@code etag} is null. */
    public Http.Response patch(String path, String etag, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        return http.send(etag == null ? request : request.header("If-Match", etag));
    }

    /** A POST with If-Match. */
    public Http.Response post(String path, String etag, String json) {
        return http.send(HttpRequest.newBuilder(http.uri(path)).header("Content-Type", "application/json")
                .header("If-Match", etag).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static String etag(Http.Response response) {
        return response.header("ETag").orElseThrow(() -> new AssertionError("No ETag in " + response));
    }

    public String partner(String name) {
        return created(http.postJson("/api/partners", """
                {"name": "%s", "type": "HEALTH_OFFICE", "regionCode": "63.03",
                 "contacts": [{"name": "dr. Nur", "role": "Kepala Seksi Gizi", "phone": "+62 811-500-100", "email": "gizi@dinkes.example"}]}"""
                .formatted(name)));
    }

    /** A draft training at a venue, local times, with a capacity; the deadline is the start. */
    public Http.Response draft(String programmeId, String venueRegion, LocalDateTime start, int hours, int capacity) {
        return http.postJson("/api/trainings", """
                {"programmeId": "%s", "title": "Pembekalan KIM Cegah Stunting", "topic": "Gizi 1000 hari pertama kehidupan",
                 "mode": "IN_PERSON", "venue": {"regionCode": "%s", "address": "Aula Kecamatan"},
                 "start": "%s", "end": "%s", "capacity": %d,
                 "materials": [{"title": "Materi Dinkes", "link": "https://dinkes.example/stunting.pdf"}]}"""
                .formatted(programmeId, venueRegion, start, start.plusHours(hours), capacity));
    }

    /** A scheduled training, open for enrolment. */
    public String scheduled(String programmeId, String venueRegion, LocalDateTime start, int capacity) {
        String id = created(draft(programmeId, venueRegion, start, 6, capacity));
        status(id, "SCHEDULED", null);
        return id;
    }

    public Http.Response status(String trainingId, String status, String reason) {
        return http.postJson("/api/trainings/" + trainingId + "/status", reason == null
                ? "{\"status\": \"" + status + "\"}" : "{\"status\": \"" + status + "\", \"reason\": \"" + reason + "\"}");
    }

    public Http.Response invite(String trainingId, String partnerId) {
        return http.postJson("/api/trainings/" + trainingId + "/invitations", "{\"partnerId\": \"" + partnerId + "\"}");
    }

    public Http.Response accept(String invitationId, String speakerName, String speakerEmail) {
        return http.postJson("/api/invitations/" + invitationId + "/accept",
                "{\"speakers\": [{\"name\": \"" + speakerName + "\", \"role\": \"Ahli gizi\", \"email\": \"" + speakerEmail + "\"}]}");
    }

    public Http.Response enrol(String trainingId, String kimId, String participant) {
        return http.postJson("/api/trainings/" + trainingId + "/enrolments",
                "{\"kimId\": \"" + kimId + "\", \"participant\": {\"name\": \"" + participant + "\", \"role\": \"Ketua\"}}");
    }

    public static String created(Http.Response response) {
        if (response.status() != 201) {
            throw new AssertionError("Expected 201, got " + response);
        }
        return response.json("$.id");
    }
}
