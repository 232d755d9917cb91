package id.simpul.reporting.dashboard;

import org.jmolecules.ddd.annotation.ValueObject;

import java.time.Duration;
import java.time.Instant;

/**
 * The KIM development index: 0–100 from four components of up to 25 points each — media channels, trainings
 * attended, outputs reported and recency of activity. Simpul's own design, not an official scale; the formula is
 * documented in docs/reporting.md.
 */
final class DevelopmentIndex {

    static final double COMPONENT_MAX = 25;
    static final int FULL_MEDIA = 3;
    static final int FULL_TRAININGS = 3;
    static final int FULL_OUTPUTS = 5;
    static final int FRESH_DAYS = 30;
    static final int STALE_DAYS = 365;

    /** One KIM's score and what it is made of; {@code days} since the last activity, null when none is known. */
    @ValueObject
    record Score(int score, double media, int mediaCount, double trainings, int trainingCount, double outputs,
                 int outputCount, double recency, Long days, Instant lastActivityAt) {

        int band() {
            return Math.min(score / 25, 3);
        }
    }

    static Score of(String status, int media, int trainings, int outputs, Instant lastActivityAt, Instant now) {
        Long days = lastActivityAt == null ? null : Math.max(0, Duration.between(lastActivityAt, now).toDays());
        double mediaPoints = share(media, FULL_MEDIA);
        double trainingPoints = share(trainings, FULL_TRAININGS);
        double outputPoints = share(outputs, FULL_OUTPUTS);
        double recencyPoints = recency(days);
        boolean ended = "REJECTED".equals(status) || "DISSOLVED".equals(status);
        int score = ended ? 0 : (int) Math.round(mediaPoints + trainingPoints + outputPoints + recencyPoints);
        return new Score(score, round(mediaPoints), media, round(trainingPoints), trainings, round(outputPoints), outputs,
                round(recencyPoints), days, lastActivityAt);
    }

    private static double share(int count, int full) {
        return COMPONENT_MAX * Math.min(count, full) / full;
    }

    private static double recency(Long days) {
        if (days == null || days >= STALE_DAYS) {
            return 0;
        }
        if (days <= FRESH_DAYS) {
            return COMPONENT_MAX;
        }
        return COMPONENT_MAX * (STALE_DAYS - days) / (STALE_DAYS - FRESH_DAYS);
    }

    private static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }

    private DevelopmentIndex() {
    }
}
