package id.simpul.reporting.dashboard;

import id.simpul.regions.IndonesianTimeZone;
import id.simpul.regions.Region;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The JSON the dashboard API answers with (shapes documented in docs/reporting.md). */
public final class Views {

    public record Place(String code, String name, String level) {

        static final Place INDONESIA = new Place(null, "Indonesia", "COUNTRY");

        static Place of(Region region) {
            return new Place(region.code(), region.name(), region.level().name());
        }
    }

    public record Media(long withMedia, long withoutMedia, Map<String, Long> byType) {
    }

    public record Kims(long total, Map<String, Long> byStatus, Map<String, Long> byFocusArea, Media media) {
    }

    public record Share(long covered, long total, Double share) {
    }

    public record Coverage(Share districts, Share villages) {
    }

    public record Trainings(long total, Map<String, Long> byStatus, Map<String, Long> byTheme) {
    }

    public record Participants(long enrolled, long waitlisted, long withdrawn, long attended, Double attendanceRate) {
    }

    public record Partners(long engaged, Map<String, Long> byType) {
    }

    public record Outputs(long count, long reach, Map<String, Long> byChannel) {
    }

    /** Distinct KIMs at each stage; {@code eligible}: VERIFIED or ACTIVE in a programme's target regions, so free to enrol. */
    public record Funnel(long eligible, long enrolled, long attended, long reported) {
    }

    public record IndexFigures(Double average, Map<String, Long> bands) {
    }

    public record ChildKims(long total, long active) {
    }

    public record ChildParticipants(long enrolled, long attended) {
    }

    public record ChildOutputs(long count, long reach) {
    }

    public record Child(Place region, ChildKims kims, Coverage coverage, long trainings, ChildParticipants participants,
                        ChildOutputs outputs, Double indexAverage) {
    }

    /**
     * What a region counts that none of its children does: trainings held at the region itself (a regency's
     * office rather than one of its districts; at national level, trainings without a venue region), so that the
     * children and this row add up to the region's figure.
     */
    public record AtThisLevel(long trainings) {
    }

    public record RegionFigures(Place region, List<Place> path, Kims kims, Coverage coverage, Trainings trainings,
                                Participants participants, Partners partners, Outputs outputs, Funnel funnel,
                                IndexFigures index, List<Child> children, AtThisLevel atThisLevel, Instant updatedAt) {
    }

    public record Target(long actual, Long target, Double share) {

        static Target of(long actual, Long target) {
            return new Target(actual, target, target == null || target == 0 ? null : ratio(actual, target));
        }
    }

    public record Progress(Target trainingsPlanned, Target trainingsCompleted, Target kimsTrained, Target outputs,
                           Target peopleReached) {
    }

    public record Organiser(String level, String name) {
    }

    public record ProgrammeInfo(String id, String title, String theme, Organiser organiser, String periodStart,
                                String periodEnd, List<Place> targetRegions) {
    }

    /**
     * A moment of a training as people at its venue read it, and as an instant: the shape training-service answers
     * with. Without a known time zone only the instant is given.
     */
    public record Time(LocalDateTime local, IndonesianTimeZone timeZone, String utcOffset, Instant instant) {

        static Time of(Instant instant, IndonesianTimeZone zone) {
            if (instant == null) {
                return null;
            }
            if (zone == null) {
                return new Time(null, null, null, instant);
            }
            return new Time(LocalDateTime.ofInstant(instant, zone.zone()), zone, zone.offset().getId(), instant);
        }
    }

    /** A partner that joined a training, by the name it has now. */
    public record JoinedPartner(String id, String name, String type) {
    }

    public record TrainingRow(String id, String title, String status, Place venue, Time start, Time end,
                              Integer capacity, long enrolled, long waitlisted, long attended, long partnersJoined,
                              List<JoinedPartner> partners) {
    }

    public record RegionProgress(Place region, long trainings, long kimsTrained, long outputs, long peopleReached,
                                 List<RegionProgress> children) {
    }

    public record ProgrammeFigures(ProgrammeInfo programme, Progress progress, Participants participants,
                                   Partners partners, Outputs outputs, Funnel funnel, List<TrainingRow> trainings,
                                   List<RegionProgress> byRegion, Instant updatedAt) {
    }

    public record ProgrammeSummary(ProgrammeInfo programme, Progress progress) {
    }

    public record Component(double points, double max, Integer count, Long days) {
    }

    public record KimIndex(int score, Instant lastActivityAt, Map<String, Component> components) {
    }

    public record KimInfo(String id, String name, String status, List<String> focusAreas, List<String> mediaTypes,
                          Place village, List<Place> path) {
    }

    public record KimTraining(String id, String title, String programmeId, String status, Time start, Time end,
                              String enrolment, boolean attended) {
    }

    public record KimOutput(String id, String trainingId, String programmeId, String channel, String url,
                            String publishedOn, long peopleReached) {
    }

    public record KimFigures(KimInfo kim, KimIndex index, List<KimTraining> trainings, List<KimOutput> outputs,
                             Instant updatedAt) {
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private Views() {
    }
}
