package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Rows;
import id.simpul.regions.RegionCode;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures of one region (or programme) as they are counted: every row is counted in with sign +1 and, when it
 * changes, counted out with -1 before its new value is counted in, so a tally always equals the count of the rows it
 * holds now, whatever the order the changes came in. What figures count as distinct (districts covered, KIMs in
 * the funnel, engaged partners) is held with how many rows name it. Collections are made when first needed and a
 * key whose count falls to zero is dropped, so a tally counted down equals one never counted.
 */
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
    Map<String, Long> coveredDistricts;
    Map<String, Long> coveredVillages;

    long trainings;
    final long[] trainingsByStatus = new long[TRAINING_STATUSES.size()];
    Map<String, Long> byTheme;

    long enrolled;
    long waitlisted;
    long withdrawn;
    long attended;
    long completedSeats;
    long completedPresent;
    /** Per engaged partner, the types its joined invitations name and how often (the smallest type counts). */
    Map<String, Map<String, Long>> engagedPartners;

    long outputs;
    long reach;
    Map<String, Long> byChannel;

    Map<String, Long> eligibleKims;
    Map<String, Long> enrolledKims;
    Map<String, Long> attendedKims;
    Map<String, Long> reportingKims;

    long indexSum;
    long indexed;
    final long[] bands = new long[BANDS.size()];

    void kim(Rows.Kim kim, boolean eligible, DevelopmentIndex.Score score, int sign) {
        kims += sign;
        int status = KimStatuses.ALL.indexOf(kim.status());
        if (status >= 0) {
            kimsByStatus[status] += sign;
        }
        for (String area : kim.focusAreas()) {
            byFocusArea = increment(byFocusArea, area, sign);
        }
        if (!kim.mediaTypes().isEmpty()) {
            withMedia += sign;
        }
        for (String type : kim.mediaTypes()) {
            byMediaType = increment(byMediaType, type, sign);
        }
        if ("ACTIVE".equals(kim.status())) {
            coveredDistricts = increment(coveredDistricts, new RegionCode(kim.villageCode()).district().value(), sign);
            coveredVillages = increment(coveredVillages, kim.villageCode(), sign);
        }
        if (eligible) {
            eligibleKims = increment(eligibleKims, kim.id(), sign);
        }
        if (!kim.ended()) {
            indexSum += (long) sign * score.score();
            indexed += sign;
            bands[score.band()] += sign;
        }
    }

    void training(Rows.Training training, String theme, int sign) {
        if (!training.described()) {
            return;
        }
        trainings += sign;
        int status = TRAINING_STATUSES.indexOf(training.status());
        if (status >= 0) {
            trainingsByStatus[status] += sign;
        }
        byTheme = increment(byTheme, theme, sign);
    }

    void partner(Rows.Invitation invitation, int sign) {
        if (engagedPartners == null) {
            engagedPartners = new HashMap<>();
        }
        Map<String, Long> types = increment(engagedPartners.get(invitation.partnerId()),
                Objects.requireNonNullElse(invitation.partnerType(), "OTHER"), sign);
        if (types.isEmpty()) {
            engagedPartners.remove(invitation.partnerId());
        } else {
            engagedPartners.put(invitation.partnerId(), types);
        }
    }

    void enrolment(Rows.Training training, Rows.Enrolment enrolment, int sign) {
        if (enrolment.status() == null || training.cancelled()) {
            return;
        }
        switch (enrolment.status()) {
            case "ENROLLED" -> {
                enrolled += sign;
                enrolledKims = increment(enrolledKims, enrolment.kimId(), sign);
                if (enrolment.wasThere()) {
                    attended += sign;
                    attendedKims = increment(attendedKims, enrolment.kimId(), sign);
                }
                if (training.completed()) {
                    completedSeats += sign;
                    if (enrolment.wasThere()) {
                        completedPresent += sign;
                    }
                }
            }
            case "WAITLISTED" -> waitlisted += sign;
            case "WITHDRAWN" -> withdrawn += sign;
            default -> { }
        }
    }

    void output(Rows.Output output, int sign) {
        outputs += sign;
        reach += sign * output.reach();
        byChannel = increment(byChannel, output.channel(), sign);
        reportingKims = increment(reportingKims, output.kimId(), sign);
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
            engagedPartners.values().forEach(types -> byType.merge(Collections.min(types.keySet()), 1L, Long::sum));
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
        return indexed == 0 ? null : Math.round(indexSum * 10.0 / indexed) / 10.0;
    }

    private static Views.Share share(long covered, Long total) {
        return new Views.Share(covered, total, total == null ? null : Views.ratio(covered, total));
    }

    private static long size(Map<String, Long> counts) {
        return counts == null ? 0 : counts.size();
    }

    /** Moves {@code key}'s count by {@code by}; a key whose count reaches zero is removed. */
    private static Map<String, Long> increment(Map<String, Long> map, String key, long by) {
        Map<String, Long> counts = map == null ? new HashMap<>() : map;
        counts.merge(Objects.requireNonNullElse(key, "OTHER"), by, (held, more) -> held + more == 0 ? null : held + more);
        return counts;
    }

    private static Map<String, Long> sorted(Map<String, Long> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
