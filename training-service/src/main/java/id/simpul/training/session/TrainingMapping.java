package id.simpul.training.session;

import id.simpul.training.common.RegionPaths;
import id.simpul.eventing.AggregateMapping;
import id.simpul.regions.IndonesianTimeZone;
import id.simpul.training.programme.ProgrammeId;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The stored shape of a training in the {@code trainings} collection, with what lists filter on: the codes of every
 * region above the venue, and the local start date.
 */
class TrainingMapping implements AggregateMapping<Training> {

    @Override
    public String id(Training t) {
        return t.id().value();
    }

    @Override
    public long version(Training t) {
        return t.version();
    }

    @Override
    public Document toDocument(Training t) {
        return new Document("programmeId", t.programmeId().value())
                .append("title", t.title())
                .append("topic", t.topic())
                .append("mode", t.mode().name())
                .append("venue", new Document("regionCode", t.venue().regionCode()).append("address", t.venue().address())
                        .append("meetingLink", t.venue().meetingLink()))
                .append("venueRegions", regionPath(t.venue().regionCode()))
                .append("start", Date.from(t.schedule().start()))
                .append("end", Date.from(t.schedule().end()))
                .append("timeZone", t.schedule().timeZone().name())
                .append("localStartDate", t.schedule().localStart().toLocalDate().toString())
                .append("capacity", t.capacity())
                .append("enrolmentDeadline", Date.from(t.enrolmentDeadline()))
                .append("materials", t.materials().stream().map(m -> new Document("title", m.title()).append("link", m.link())).toList())
                .append("status", t.status().name())
                .append("statusReason", t.statusReason())
                .append("history", t.history().stream().map(h -> new Document("at", java.util.Date.from(h.at()))
                        .append("changes", h.changes()).append("by", h.by()).append("byRoles", h.byRoles())
                        .append("byScope", h.byScope())).toList())
                .append("invitations", t.invitations().stream().map(TrainingMapping::invitation).toList())
                .append("enrolments", t.enrolments().stream().map(TrainingMapping::enrolment).toList());
    }

    /** The venue's region and those above it, from the province down; none for a venue without one. */
    private static List<String> regionPath(String code) {
        return RegionPaths.of(code);
    }

    private static Document invitation(Invitation i) {
        return new Document("id", i.id().value())
                .append("partner", new Document("partnerId", i.partner().partnerId()).append("name", i.partner().name())
                        .append("type", i.partner().type()))
                .append("status", i.status().name())
                .append("speakers", i.speakers().stream().map(s -> new Document("name", s.name()).append("role", s.role())
                        .append("email", s.email())).toList())
                .append("reason", i.reason())
                .append("invitedAt", date(i.invitedAt()))
                .append("answeredAt", date(i.answeredAt()));
    }

    private static Document enrolment(Enrolment e) {
        return new Document("id", e.id().value())
                .append("kimId", e.kimId())
                .append("kimName", e.kimName())
                .append("villageCode", e.villageCode())
                .append("participant", new Document("name", e.participant().name()).append("role", e.participant().role()))
                .append("status", e.status().name())
                .append("enrolledAt", date(e.enrolledAt()))
                .append("seatedAt", date(e.seatedAt()))
                .append("withdrawnAt", date(e.withdrawnAt()))
                .append("attended", e.attended())
                .append("certificateCode", e.certificateCode());
    }

    @Override
    public Training fromDocument(Document d) {
        Document venue = d.get("venue", Document.class);
        return Training.restore(new TrainingId(d.getString("_id")), new ProgrammeId(d.getString("programmeId")),
                d.getString("title"), d.getString("topic"), TrainingMode.valueOf(d.getString("mode")),
                new Venue(venue.getString("regionCode"), venue.getString("address"), venue.getString("meetingLink")),
                new Schedule(d.getDate("start").toInstant(), d.getDate("end").toInstant(),
                        IndonesianTimeZone.valueOf(d.getString("timeZone"))),
                d.getInteger("capacity"), d.getDate("enrolmentDeadline").toInstant(),
                d.getList("materials", Document.class, List.of()).stream()
                        .map(m -> new Material(m.getString("title"), m.getString("link"))).toList(),
                TrainingStatus.valueOf(d.getString("status")),
                d.getList("invitations", Document.class, List.of()).stream().map(TrainingMapping::invitation).toList(),
                d.getList("enrolments", Document.class, List.of()).stream().map(TrainingMapping::enrolment).toList(),
                d.getString("statusReason"), d.getLong("version"),
                d.getList("history", Document.class, List.of()).stream().map(h -> new TrainingStep(h.getDate("at").toInstant(),
                        h.getList("changes", String.class, List.of()), h.getString("by"), h.getList("byRoles", String.class, List.of()),
                        h.getString("byScope"))).toList());
    }

    private static Invitation invitation(Document i) {
        Document p = i.get("partner", Document.class);
        return new Invitation(new InvitationId(i.getString("id")),
                new PartnerRef(p.getString("partnerId"), p.getString("name"), p.getString("type")),
                Invitation.Status.valueOf(i.getString("status")),
                i.getList("speakers", Document.class, List.of()).stream()
                        .map(s -> new Speaker(s.getString("name"), s.getString("role"), s.getString("email"))).toList(),
                i.getString("reason"), instant(i.getDate("invitedAt")), instant(i.getDate("answeredAt")));
    }

    private static Enrolment enrolment(Document e) {
        Document p = e.get("participant", Document.class);
        return new Enrolment(new EnrolmentId(e.getString("id")), e.getString("kimId"), e.getString("kimName"),
                e.getString("villageCode"), new Participant(p.getString("name"), p.getString("role")),
                Enrolment.Status.valueOf(e.getString("status")), instant(e.getDate("enrolledAt")),
                instant(e.getDate("seatedAt")), instant(e.getDate("withdrawnAt")), e.getBoolean("attended", false),
                e.getString("certificateCode"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
