package id.simpul.reporting.projection;

import org.springframework.data.mongodb.core.mapping.Field;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read models, one record each: what the projection writes (through {@link RowMapping}, so the field names are
 * these components' names and are written nowhere else) and what the figures read. Each row keeps the newest
 * aggregate version it has seen ({@code version}) and the version that last set each of its parts ({@code stamps},
 * see {@link Stamps}); an enrolment and an invitation keep their own. Values a document may lack (one that holds
 * only an aggregate's later events) are boxed and may be null.
 */
public final class Rows {

    /** A row of a read model: created once its aggregate's first event is in, and only then counted. */
    public sealed interface Row permits Kim, Programme, Partner, Training, Output {
        String id();

        Map<String, Long> stamps();

        boolean created();
    }

    /** A KIM where it is (its village and the district, regency and province above it), its profile and status. */
    public record Kim(String id, String name, String villageCode, String districtCode, String regencyCode,
                      String provinceCode, List<String> focusAreas, List<String> mediaTypes, Boolean hasMedia,
                      Integer memberCount, String status, Instant statusChangedAt, Instant registeredAt,
                      Instant lastActivityAt, Long version, Map<String, Long> stamps) implements Row {

        public Kim {
            focusAreas = listOf(focusAreas);
            mediaTypes = listOf(mediaTypes);
            stamps = stampsOf(stamps);
        }

        Kim withIdentity(String name, Place place) {
            return new Kim(id, name, place.village(), place.district(), place.regency(), place.province(), focusAreas,
                    mediaTypes, hasMedia, memberCount, status, statusChangedAt, registeredAt, lastActivityAt, version, stamps);
        }

        Kim withProfile(List<String> focusAreas, List<String> mediaTypes, boolean hasMedia, Integer memberCount) {
            return new Kim(id, name, villageCode, districtCode, regencyCode, provinceCode, focusAreas, mediaTypes, hasMedia,
                    memberCount, status, statusChangedAt, registeredAt, lastActivityAt, version, stamps);
        }

        Kim withStatus(String status, Instant statusChangedAt) {
            return new Kim(id, name, villageCode, districtCode, regencyCode, provinceCode, focusAreas, mediaTypes, hasMedia,
                    memberCount, status, statusChangedAt, registeredAt, lastActivityAt, version, stamps);
        }

        Kim withTimes(Instant registeredAt, Instant lastActivityAt) {
            return new Kim(id, name, villageCode, districtCode, regencyCode, provinceCode, focusAreas, mediaTypes, hasMedia,
                    memberCount, status, statusChangedAt, registeredAt, lastActivityAt, version, stamps);
        }

        Kim withVersions(Long version, Map<String, Long> stamps) {
            return new Kim(id, name, villageCode, districtCode, regencyCode, provinceCode, focusAreas, mediaTypes, hasMedia,
                    memberCount, status, statusChangedAt, registeredAt, lastActivityAt, version, stamps);
        }

        @Override
        public boolean created() {
            return registeredAt != null;
        }

        public boolean mayEnrol() {
            return "VERIFIED".equals(status) || "ACTIVE".equals(status);
        }

        public boolean ended() {
            return "REJECTED".equals(status) || "DISSOLVED".equals(status);
        }
    }

    /** Who organises a programme. */
    public record Organiser(String level, String name) {
    }

    /** A programme's targets; any may be unset. */
    public record Targets(Long trainings, Long kimsTrained, Long outputs, Long peopleReached) {
    }

    /** A programme: its organiser and creation, and what a correction can change. */
    public record Programme(String id, String title, String theme, Organiser organiser, String periodStart,
                            String periodEnd, List<String> targetRegions, Targets targets, Instant createdAt, Long version,
                            Map<String, Long> stamps) implements Row {

        public Programme {
            targetRegions = listOf(targetRegions);
            stamps = stampsOf(stamps);
        }

        Programme withDetails(String title, String theme, String periodStart, String periodEnd, List<String> targetRegions,
                              Targets targets) {
            return new Programme(id, title, theme, organiser, periodStart, periodEnd, targetRegions, targets, createdAt,
                    version, stamps);
        }

        Programme withCreation(Organiser organiser, Instant createdAt) {
            return new Programme(id, title, theme, organiser, periodStart, periodEnd, targetRegions, targets, createdAt,
                    version, stamps);
        }

        Programme withVersions(Long version, Map<String, Long> stamps) {
            return new Programme(id, title, theme, organiser, periodStart, periodEnd, targetRegions, targets, createdAt,
                    version, stamps);
        }

        @Override
        public boolean created() {
            return createdAt != null;
        }

        public String organiserLevel() {
            return organiser == null ? null : organiser.level();
        }

        public String organiserName() {
            return organiser == null ? null : organiser.name();
        }

        public Long targetTrainings() {
            return targets == null ? null : targets.trainings();
        }

        public Long targetKimsTrained() {
            return targets == null ? null : targets.kimsTrained();
        }

        public Long targetOutputs() {
            return targets == null ? null : targets.outputs();
        }

        public Long targetPeopleReached() {
            return targets == null ? null : targets.peopleReached();
        }

        /** Whether a village lies in one of the target regions. */
        public boolean covers(String villageCode) {
            return targetRegions.stream().anyMatch(villageCode::startsWith);
        }
    }

    /** A partner organisation: its registration, and its name, type and region as last corrected. */
    public record Partner(String id, String name, String type, String regionCode, Instant registeredAt, Long version,
                          Map<String, Long> stamps) implements Row {

        public Partner {
            stamps = stampsOf(stamps);
        }

        Partner withDetails(String name, String type, String regionCode) {
            return new Partner(id, name, type, regionCode, registeredAt, version, stamps);
        }

        Partner withRegisteredAt(Instant registeredAt) {
            return new Partner(id, name, type, regionCode, registeredAt, version, stamps);
        }

        Partner withVersions(Long version, Map<String, Long> stamps) {
            return new Partner(id, name, type, regionCode, registeredAt, version, stamps);
        }

        @Override
        public boolean created() {
            return registeredAt != null;
        }
    }

    /** A partner invited to a training, with the version of the training that last changed the invitation. */
    public record Invitation(@Field("id") String id, String partnerId, String partnerType, String status, Integer speakers,
                             Map<String, Long> stamps) {

        public Invitation {
            stamps = stampsOf(stamps);
        }
    }

    /**
     * A participant of a KIM in a training; {@code status} null while only their attendance is known. Stamped
     * apart for its status and its attendance.
     */
    public record Enrolment(@Field("id") String id, String kimId, String villageCode, String status, Boolean attended,
                            Instant attendedAt, Map<String, Long> stamps) {

        public Enrolment {
            stamps = stampsOf(stamps);
        }

        public boolean seated() {
            return "ENROLLED".equals(status);
        }

        public boolean present() {
            return seated() && wasThere();
        }

        /** Whether the attendance names them present (whatever their seat). */
        public boolean wasThere() {
            return Boolean.TRUE.equals(attended);
        }
    }

    /**
     * A training: its description (as drafted, scheduled or corrected), mode, schedule and status, its invitations
     * and its enrolments; {@code timeZone} is the one its schedule names, which an online training (no venue) keeps.
     */
    public record Training(String id, String programmeId, String title, String topic, String venueRegionCode,
                           Integer capacity, String mode, String timeZone, Instant start, Instant end, String localStart,
                           String localEnd, String status, Instant statusChangedAt, Instant draftedAt,
                           List<Invitation> invitations, List<Enrolment> enrolments, Long version,
                           Map<String, Long> stamps) implements Row {

        public Training {
            invitations = listOf(invitations);
            enrolments = listOf(enrolments);
            stamps = stampsOf(stamps);
        }

        Training withProgramme(String programmeId) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        Training withDescription(String title, String topic, String venueRegionCode, Integer capacity) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        Training withMode(String mode) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        Training withSchedule(String timeZone, Instant start, Instant end, String localStart, String localEnd) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        Training withStatus(String status, Instant statusChangedAt) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        Training withDraftedAt(Instant draftedAt) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        Training withPeople(List<Invitation> invitations, List<Enrolment> enrolments) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        Training withVersions(Long version, Map<String, Long> stamps) {
            return new Training(id, programmeId, title, topic, venueRegionCode, capacity, mode, timeZone, start, end,
                    localStart, localEnd, status, statusChangedAt, draftedAt, invitations, enrolments, version, stamps);
        }

        @Override
        public boolean created() {
            return draftedAt != null;
        }

        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }

        public boolean completed() {
            return "COMPLETED".equals(status);
        }

        /** Known as a training: its drafting or scheduling arrived (not only later events). */
        public boolean described() {
            return status != null;
        }
    }

    /** An output a KIM reported, with its values as last corrected; a withdrawn one counts nowhere. */
    public record Output(String id, String programmeId, String trainingId, String kimId, String villageCode,
                         String districtCode, String regencyCode, String provinceCode, String channel, String url,
                         String publishedOn, Long peopleReached, Instant reportedAt, Boolean withdrawn,
                         Instant withdrawnAt, Long version, Map<String, Long> stamps) implements Row {

        public Output {
            stamps = stampsOf(stamps);
        }

        Output withIdentity(String programmeId, String trainingId, String kimId, Place place) {
            return new Output(id, programmeId, trainingId, kimId, place.village(), place.district(), place.regency(),
                    place.province(), channel, url, publishedOn, peopleReached, reportedAt, withdrawn, withdrawnAt, version,
                    stamps);
        }

        Output withValues(String channel, String url, String publishedOn, Long peopleReached) {
            return new Output(id, programmeId, trainingId, kimId, villageCode, districtCode, regencyCode, provinceCode,
                    channel, url, publishedOn, peopleReached, reportedAt, withdrawn, withdrawnAt, version, stamps);
        }

        Output withReportedAt(Instant reportedAt) {
            return new Output(id, programmeId, trainingId, kimId, villageCode, districtCode, regencyCode, provinceCode,
                    channel, url, publishedOn, peopleReached, reportedAt, withdrawn, withdrawnAt, version, stamps);
        }

        Output withWithdrawal(Instant withdrawnAt) {
            return new Output(id, programmeId, trainingId, kimId, villageCode, districtCode, regencyCode, provinceCode,
                    channel, url, publishedOn, peopleReached, reportedAt, true, withdrawnAt, version, stamps);
        }

        Output withVersions(Long version, Map<String, Long> stamps) {
            return new Output(id, programmeId, trainingId, kimId, villageCode, districtCode, regencyCode, provinceCode,
                    channel, url, publishedOn, peopleReached, reportedAt, withdrawn, withdrawnAt, version, stamps);
        }

        @Override
        public boolean created() {
            return reportedAt != null;
        }

        /** The people it reached; none known before its report is in. */
        public long reach() {
            return peopleReached == null ? 0 : peopleReached;
        }

        public boolean isWithdrawn() {
            return Boolean.TRUE.equals(withdrawn);
        }
    }

    /** A village with the district, regency and province codes above it. */
    record Place(String village, String district, String regency, String province) {
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static Map<String, Long> stampsOf(Map<String, Long> stamps) {
        return stamps == null ? Map.of() : Map.copyOf(new HashMap<>(stamps));
    }

    private Rows() {
    }
}
