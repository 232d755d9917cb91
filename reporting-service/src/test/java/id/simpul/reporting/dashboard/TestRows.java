package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Rows;

import java.time.Instant;
import java.util.List;

/** Rows as the figures tests build them: what the figures read, the rest (stamps, versions, ancestors) left empty. */
final class TestRows {

    private static final Instant LONG_AGO = Instant.parse("2025-01-01T00:00:00Z");

    static Rows.Kim kim(String id, String name, String villageCode, String status, List<String> focusAreas,
                        List<String> mediaTypes, Instant registeredAt, Instant lastActivityAt) {
        return new Rows.Kim(id, name, villageCode, null, null, null, focusAreas, mediaTypes, !mediaTypes.isEmpty(), null,
                status, null, registeredAt, lastActivityAt, 1L, null);
    }

    static Rows.Programme programme(String id, String title, String theme, String organiserLevel, String organiserName,
                                    String periodStart, String periodEnd, List<String> targetRegions, Long trainings,
                                    Long kimsTrained, Long outputs, Long peopleReached) {
        return new Rows.Programme(id, title, theme, organiserLevel == null && organiserName == null ? null
                : new Rows.Organiser(organiserLevel, organiserName), periodStart, periodEnd, targetRegions,
                new Rows.Targets(trainings, kimsTrained, outputs, peopleReached), LONG_AGO, 1L, null);
    }

    static Rows.Partner partner(String id, String name, String type) {
        return new Rows.Partner(id, name, type, null, LONG_AGO, 1L, null);
    }

    static Rows.Invitation invitation(String id, String partnerId, String partnerType, String status) {
        return new Rows.Invitation(id, partnerId, partnerType, status, null, null);
    }

    static Rows.Enrolment enrolment(String id, String kimId, String villageCode, String status, boolean attended,
                                    Instant attendedAt) {
        return new Rows.Enrolment(id, kimId, villageCode, status, attended, attendedAt, null);
    }

    static Rows.Training training(String id, String programmeId, String title, String topic, String mode,
                                  String venueRegionCode, String timeZone, Instant start, Instant end, Integer capacity,
                                  String status, List<Rows.Invitation> invitations, List<Rows.Enrolment> enrolments) {
        return new Rows.Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end, null,
                null, status, null, LONG_AGO, invitations, enrolments, 1L, null);
    }

    static Rows.Output output(String id, String programmeId, String trainingId, String kimId, String villageCode,
                              String channel, String url, String publishedOn, long peopleReached, Instant reportedAt,
                              boolean withdrawn) {
        return new Rows.Output(id, programmeId, trainingId, kimId, villageCode, null, null, null, channel, url, publishedOn,
                peopleReached, reportedAt, withdrawn, null, 1L, null);
    }

    private TestRows() {
    }
}
