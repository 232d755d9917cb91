package id.simpul.reporting.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The formula of docs/reporting.md, component by component. */
class DevelopmentIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-20T00:00:00Z");

    @Test
    void aNewKimWithTwoMediaChannelsScoresAbout42() {
        DevelopmentIndex.Score score = DevelopmentIndex.of("SUBMITTED", 2, 0, 0, NOW, NOW);

        assertThat(score.media()).isEqualTo(16.7);
        assertThat(score.recency()).isEqualTo(25.0);
        assertThat(score.score()).isEqualTo(42);
        assertThat(score.band()).isEqualTo(1);
    }

    @Test
    void fullMarksAtThreeChannelsThreeTrainingsFiveOutputsAndRecentActivity() {
        DevelopmentIndex.Score full = DevelopmentIndex.of("ACTIVE", 3, 3, 5, NOW.minus(Duration.ofDays(30)), NOW);
        DevelopmentIndex.Score more = DevelopmentIndex.of("ACTIVE", 7, 9, 40, NOW, NOW);

        assertThat(full.score()).isEqualTo(100);
        assertThat(more.score()).as("nothing counts beyond full marks").isEqualTo(100);
        assertThat(full.band()).isEqualTo(3);
    }

    @Test
    void recencyFallsLinearlyFrom30To365Days() {
        assertThat(DevelopmentIndex.of("ACTIVE", 0, 0, 0, NOW.minus(Duration.ofDays(31)), NOW).recency()).isEqualTo(24.9);
        assertThat(DevelopmentIndex.of("ACTIVE", 0, 0, 0, NOW.minus(Duration.ofDays(197)), NOW).recency()).isEqualTo(12.5);
        assertThat(DevelopmentIndex.of("ACTIVE", 0, 0, 0, NOW.minus(Duration.ofDays(365)), NOW).recency()).isZero();
        assertThat(DevelopmentIndex.of("ACTIVE", 0, 0, 0, null, NOW).recency()).as("no activity known").isZero();
    }

    @Test
    void partialComponentsAddUpAndRound() {
        DevelopmentIndex.Score score = DevelopmentIndex.of("ACTIVE", 1, 1, 1, NOW.minus(Duration.ofDays(400)), NOW);

        assertThat(score.media()).isEqualTo(8.3);
        assertThat(score.trainings()).isEqualTo(8.3);
        assertThat(score.outputs()).isEqualTo(5.0);
        assertThat(score.score()).as("8.33 + 8.33 + 5 = 21.7").isEqualTo(22);
        assertThat(score.days()).isEqualTo(400);
    }

    @Test
    void rejectedAndDissolvedKimsScoreZeroWhateverTheirHistory() {
        assertThat(DevelopmentIndex.of("DISSOLVED", 3, 3, 5, NOW, NOW).score()).isZero();
        assertThat(DevelopmentIndex.of("REJECTED", 3, 0, 0, NOW, NOW).score()).isZero();
        assertThat(DevelopmentIndex.of("DORMANT", 3, 0, 0, NOW, NOW).score()).isEqualTo(50);
    }
}
