package id.simpul.training.session;

import id.simpul.regions.IndonesianTimeZone;
import id.simpul.regions.RegionDataset;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** A training as the API answers it: every time both as an instant and in the venue's local time. */
record TrainingResponse(String id, String programmeId, String title, String topic, TrainingMode mode, VenueView venue,
                        Time start, Time end, Time enrolmentDeadline, int capacity, long seatsTaken, long seatsFree,
                        int waitlisted, List<Material> materials, TrainingStatus status, String statusReason,
                        List<InvitationView> invitations, List<EnrolmentView> enrolments, List<TrainingStep> history,
                        long version) {

    /** A moment as people at the venue read it, and as an instant. */
    record Time(LocalDateTime local, IndonesianTimeZone timeZone, String utcOffset, Instant instant) {
        static Time of(Instant instant, IndonesianTimeZone zone) {
            return new Time(LocalDateTime.ofInstant(instant, zone.zone()), zone, zone.offset().getId(), instant);
        }
    }

    record VenueView(String regionCode, String regionName, String address, String meetingLink) {
    }

    record InvitationView(String id, PartnerRef partner, Invitation.Status status, List<Speaker> speakers, String reason,
                          Instant invitedAt, Instant answeredAt) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.id().value(), i.partner(), i.status(), i.speakers(), i.reason(), i.invitedAt(), i.answeredAt());
        }
    }

    /** An enrolment; {@code waitlistPosition} counts from 1 while waiting. */
    record EnrolmentView(String id, String trainingId, String kimId, String kimName, String villageCode,
                         Participant participant, Enrolment.Status status, Integer waitlistPosition, boolean attended,
                         String certificateCode, Instant enrolledAt) {
        static EnrolmentView of(Training t, Enrolment e) {
            int position = t.waitlist().indexOf(e);
            return new EnrolmentView(e.id().value(), t.id().value(), e.kimId(), e.kimName(), e.villageCode(), e.participant(),
                    e.status(), position < 0 ? null : position + 1, e.attended(), e.certificateCode(), e.enrolledAt());
        }
    }

    /** A training in a list of something else (a partner's invitations, a KIM's enrolments): what and when. */
    record TrainingSummary(String id, String programmeId, String title, TrainingMode mode, VenueView venue, Time start,
                           Time end, Time enrolmentDeadline, TrainingStatus status) {
        static TrainingSummary of(Training t, RegionDataset regions) {
            IndonesianTimeZone zone = t.schedule().timeZone();
            return new TrainingSummary(t.id().value(), t.programmeId().value(), t.title(), t.mode(), venueOf(t, regions),
                    Time.of(t.schedule().start(), zone), Time.of(t.schedule().end(), zone),
                    Time.of(t.enrolmentDeadline(), zone), t.status());
        }
    }

    private static VenueView venueOf(Training t, RegionDataset regions) {
        Venue v = t.venue();
        String regionName = v.regionCode() == null ? null : regions.find(v.regionCode()).map(r -> r.name()).orElse(null);
        return new VenueView(v.regionCode(), regionName, v.address(), v.meetingLink());
    }

    static TrainingResponse of(Training t, RegionDataset regions) {
        IndonesianTimeZone zone = t.schedule().timeZone();
        return new TrainingResponse(t.id().value(), t.programmeId().value(), t.title(), t.topic(), t.mode(),
                venueOf(t, regions),
                Time.of(t.schedule().start(), zone), Time.of(t.schedule().end(), zone), Time.of(t.enrolmentDeadline(), zone),
                t.capacity(), t.seated(), Math.max(0, t.capacity() - t.seated()), t.waitlist().size(), t.materials(), t.status(),
                t.statusReason(), t.invitations().stream().map(InvitationView::of).toList(),
                t.enrolments().stream().map(e -> EnrolmentView.of(t, e)).toList(), t.history(), t.version());
    }
}
