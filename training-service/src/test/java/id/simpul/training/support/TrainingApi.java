package id.simpul.training.support;

import id.simpul.testinfra.Http;

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
                 "period": {"start": "2026-01-01", "end": "2027-12-31"}, "targetRegions": %s,
                 "targets": {"trainings": 2, "kimsTrained": 10, "outputs": 20, "peopleReached": 5000}}""".formatted(targetRegions)));
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
