package id.simpul.reporting.dashboard;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The read-model documents as the figures use them. */
final class Rows {

    record Kim(String id, String name, String villageCode, String status, List<String> focusAreas, List<String> mediaTypes,
               Instant registeredAt, Instant lastActivityAt) {

        static Kim of(Document d) {
            return new Kim(d.getString("_id"), d.getString("name"), d.getString("villageCode"), d.getString("status"),
                    d.getList("focusAreas", String.class, List.of()), d.getList("mediaTypes", String.class, List.of()),
                    instant(d, "registeredAt"), instant(d, "lastActivityAt"));
        }

        boolean mayEnrol() {
            return "VERIFIED".equals(status) || "ACTIVE".equals(status);
        }

        boolean ended() {
            return "REJECTED".equals(status) || "DISSOLVED".equals(status);
        }
    }

    record Programme(String id, String title, String theme, String organiserLevel, String organiserName, String periodStart,
                     String periodEnd, List<String> targetRegions, Long targetTrainings, Long targetKimsTrained,
                     Long targetOutputs, Long targetPeopleReached) {

        static Programme of(Document d) {
            Document organiser = d.get("organiser", Document.class);
            Document targets = d.get("targets", Document.class);
            if (targets == null) {
                targets = new Document();
            }
            return new Programme(d.getString("_id"), d.getString("title"), d.getString("theme"),
                    organiser == null ? null : organiser.getString("level"), organiser == null ? null : organiser.getString("name"),
                    d.getString("periodStart"), d.getString("periodEnd"), d.getList("targetRegions", String.class, List.of()),
                    number(targets, "trainings"), number(targets, "kimsTrained"), number(targets, "outputs"),
                    number(targets, "peopleReached"));
        }

        /** Whether a village lies in one of the target regions. */
        boolean covers(String villageCode) {
            return targetRegions.stream().anyMatch(villageCode::startsWith);
        }
    }

    record Partner(String id, String name, String type) {

        static Partner of(Document d) {
            return new Partner(d.getString("_id"), d.getString("name"), d.getString("type"));
        }
    }

    record Invitation(String id, String partnerId, String partnerType, String status) {
    }

    /** A participant of a KIM in a training; {@code status} null while only their attendance is known. */
    record Enrolment(String id, String kimId, String villageCode, String status, boolean attended, Instant attendedAt) {

        boolean seated() {
            return "ENROLLED".equals(status);
        }

        boolean present() {
            return seated() && attended;
        }
    }

    /** A training; {@code timeZone} is the one its schedule names, which an online training (no venue) keeps. */
    record Training(String id, String programmeId, String title, String topic, String mode, String venueRegionCode,
                    String timeZone, Instant start, Instant end, Integer capacity, String status,
                    List<Invitation> invitations, List<Enrolment> enrolments) {

        static Training of(Document d) {
            List<Invitation> invitations = d.getList("invitations", Document.class, List.of()).stream()
                    .map(i -> new Invitation(i.getString("id"), i.getString("partnerId"), i.getString("partnerType"),
                            i.getString("status")))
                    .toList();
            List<Enrolment> enrolments = d.getList("enrolments", Document.class, List.of()).stream()
                    .map(e -> new Enrolment(e.getString("id"), e.getString("kimId"), e.getString("villageCode"),
                            e.getString("status"), e.getBoolean("attended", false), instant(e, "attendedAt")))
                    .toList();
            return new Training(d.getString("_id"), d.getString("programmeId"), d.getString("title"), d.getString("topic"),
                    d.getString("mode"), d.getString("venueRegionCode"), d.getString("timeZone"), instant(d, "start"),
                    instant(d, "end"), d.getInteger("capacity"), d.getString("status"), invitations, enrolments);
        }

        boolean cancelled() {
            return "CANCELLED".equals(status);
        }

        boolean completed() {
            return "COMPLETED".equals(status);
        }

        /** Known as a training: its drafting or scheduling arrived (not only later events). */
        boolean described() {
            return status != null;
        }
    }

    /** An output with its values as last corrected; a withdrawn one counts nowhere. */
    record Output(String id, String programmeId, String trainingId, String kimId, String villageCode, String channel,
                  String url, String publishedOn, long peopleReached, Instant reportedAt, boolean withdrawn) {

        static Output of(Document d) {
            Number reached = (Number) d.get("peopleReached");
            return new Output(d.getString("_id"), d.getString("programmeId"), d.getString("trainingId"), d.getString("kimId"),
                    d.getString("villageCode"), d.getString("channel"), d.getString("url"), d.getString("publishedOn"),
                    reached == null ? 0 : reached.longValue(), instant(d, "reportedAt"), d.getBoolean("withdrawn", false));
        }
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Long number(Document d, String field) {
        Number n = (Number) d.get(field);
        return n == null ? null : n.longValue();
    }

    private Rows() {
    }
}
