package id.simpul.reporting.dashboard;

import id.simpul.regions.RegionCode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The figures of one region (or programme) while they are counted. Collections are made when first needed. */
final class Tally {

    static final List<String> TRAINING_STATUSES = List.of("DRAFT", "SCHEDULED", "COMPLETED", "CANCELLED");
    static final List<String> PARTNER_TYPES = List.of("HEALTH_OFFICE", "HEALTH_FACILITY", "UNIVERSITY", "NGO",
            "GOVERNMENT_AGENCY", "OTHER");
    static final List<String> BANDS = List.of("0-24", "25-49", "50-74", "75-100");

    long kims;
    final long[] kimsByStatus = new long[KimStatuses.ALL.size()];
    Map<String, Long> byFocusArea;
    long withMedia;
    Map<String, Long> byMediaType;
    Set<String> coveredDistricts;
    Set<String> coveredVillages;

    long trainings;
    final long[] trainingsByStatus = new long[TRAINING_STATUSES.size()];
    Map<String, Long> byTheme;

    long enrolled;
    long waitlisted;
    long withdrawn;
    long attended;
    long completedSeats;
    long completedPresent;
    Map<String, String> engagedPartners;

    long outputs;
    long reach;
    Map<String, Long> byChannel;

    Set<String> eligibleKims;
    Set<String> enrolledKims;
    Set<String> attendedKims;
    Set<String> reportingKims;

    double indexSum;
    long indexed;
    final long[] bands = new long[BANDS.size()];

    void kim(Rows.Kim kim, boolean eligible, DevelopmentIndex.Score score) {
        kims++;
        int status = KimStatuses.ALL.indexOf(kim.status());
        if (status >= 0) {
            kimsByStatus[status]++;
        }
        for (String area : kim.focusAreas()) {
            byFocusArea = increment(byFocusArea, area, 1);
        }
        if (!kim.mediaTypes().isEmpty()) {
            withMedia++;
        }
        for (String type : kim.mediaTypes()) {
            byMediaType = increment(byMediaType, type, 1);
        }
        if ("ACTIVE".equals(kim.status())) {
            coveredDistricts = add(coveredDistricts, new RegionCode(kim.villageCode()).district().value());
            coveredVillages = add(coveredVillages, kim.villageCode());
        }
        if (eligible) {
            eligibleKims = add(eligibleKims, kim.id());
        }
        if (!kim.ended()) {
            indexSum += score.score();
            indexed++;
            bands[score.band()]++;
        }
    }

    void training(Rows.Training training, String theme) {
        if (!training.described()) {
            return;
        }
        trainings++;
        int status = TRAINING_STATUSES.indexOf(training.status());
        if (status >= 0) {
            trainingsByStatus[status]++;
        }
        byTheme = increment(byTheme, theme, 1);
    }

    void partner(Rows.Invitation invitation) {
        if (engagedPartners == null) {
            engagedPartners = new HashMap<>();
        }
        engagedPartners.put(invitation.partnerId(), Objects.requireNonNullElse(invitation.partnerType(), "OTHER"));
    }

    void enrolment(Rows.Training training, Rows.Enrolment enrolment) {
        if (enrolment.status() == null || training.cancelled()) {
            return;
        }
        switch (enrolment.status()) {
            case "ENROLLED" -> {
                enrolled++;
                enrolledKims = add(enrolledKims, enrolment.kimId());
                if (enrolment.attended()) {
                    attended++;
                    attendedKims = add(attendedKims, enrolment.kimId());
                }
                if (training.completed()) {
                    completedSeats++;
                    if (enrolment.attended()) {
                        completedPresent++;
                    }
                }
            }
            case "WAITLISTED" -> waitlisted++;
            case "WITHDRAWN" -> withdrawn++;
            default -> { }
        }
    }

    void output(Rows.Output output) {
        outputs++;
        reach += output.peopleReached();
        byChannel = increment(byChannel, output.channel(), 1);
        reportingKims = add(reportingKims, output.kimId());
    }

    Views.Kims kimFigures() {
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (int i = 0; i < KimStatuses.ALL.size(); i++) {
            statuses.put(KimStatuses.ALL.get(i), kimsByStatus[i]);
        }
        return new Views.Kims(kims, statuses, sorted(byFocusArea),
                new Views.Media(withMedia, kims - withMedia, sorted(byMediaType)));
    }

    long active() {
        return kimsByStatus[KimStatuses.ALL.indexOf("ACTIVE")];
    }

    Views.Coverage coverage(Long districts, Long villages) {
        return new Views.Coverage(districts == null ? null : share(size(coveredDistricts), districts),
                share(size(coveredVillages), villages));
    }

    Views.Trainings trainingFigures() {
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (int i = 0; i < TRAINING_STATUSES.size(); i++) {
            statuses.put(TRAINING_STATUSES.get(i), trainingsByStatus[i]);
        }
        return new Views.Trainings(trainings, statuses, sorted(byTheme));
    }

    Views.Participants participants() {
        return new Views.Participants(enrolled, waitlisted, withdrawn, attended, Views.ratio(completedPresent, completedSeats));
    }

    Views.Partners partners() {
        Map<String, Long> byType = new LinkedHashMap<>();
        PARTNER_TYPES.forEach(type -> byType.put(type, 0L));
        if (engagedPartners != null) {
            engagedPartners.values().forEach(type -> byType.merge(type, 1L, Long::sum));
        }
        return new Views.Partners(engagedPartners == null ? 0 : engagedPartners.size(), byType);
    }

    Views.Outputs outputFigures() {
        return new Views.Outputs(outputs, reach, sorted(byChannel));
    }

    Views.Funnel funnel() {
        return new Views.Funnel(size(eligibleKims), size(enrolledKims), size(attendedKims), size(reportingKims));
    }

    Views.IndexFigures index() {
        Map<String, Long> byBand = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.size(); i++) {
            byBand.put(BANDS.get(i), bands[i]);
        }
        return new Views.IndexFigures(indexAverage(), byBand);
    }

    Double indexAverage() {
        return indexed == 0 ? null : Math.round(indexSum * 10 / indexed) / 10.0;
    }

    private static Views.Share share(long covered, Long total) {
        return new Views.Share(covered, total, total == null ? null : Views.ratio(covered, total));
    }

    private static long size(Set<String> set) {
        return set == null ? 0 : set.size();
    }

    private static Map<String, Long> increment(Map<String, Long> map, String key, long by) {
        Map<String, Long> counts = map == null ? new HashMap<>() : map;
        counts.merge(Objects.requireNonNullElse(key, "OTHER"), by, Long::sum);
        return counts;
    }

    private static Set<String> add(Set<String> set, String value) {
        Set<String> values = set == null ? new HashSet<>() : set;
        values.add(value);
        return values;
    }

    private static Map<String, Long> sorted(Map<String, Long> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
