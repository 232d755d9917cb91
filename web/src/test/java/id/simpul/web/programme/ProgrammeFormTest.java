package id.simpul.web.programme;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeFormTest {

    @Test
    void aProgrammeFillsItsFormForACorrection() {
        Map<String, Object> programme = Map.of("title", "Gerakan KIM Cegah Stunting", "theme", "STUNTING",
                "organiser", Map.of("level", "MINISTRY", "name", "Komdigi"), "periodStart", "2026-01-01", "periodEnd", "2027-06-30",
                "targetRegions", List.of("63", "91"), "targets", Map.of("trainings", 4, "outputs", 40));

        Map<String, String> values = ProgrammeForm.values(programme);

        assertThat(values).containsEntry("title", "Gerakan KIM Cegah Stunting").containsEntry("organiser.level", "MINISTRY")
                .containsEntry("organiser.regionCode", "").containsEntry("period.end", "2027-06-30")
                .containsEntry("targetRegions", "63, 91").containsEntry("targets.trainings", "4")
                .containsEntry("targets.kimsTrained", "");
    }

    @Test
    void anErrorOfOneTargetRegionIsShownBesideTheRegionsInput() {
        assertThat(ProgrammeForm.errorsByInput(Map.of("targetRegions[1]", "must be a region code", "period.end", "must not be null")))
                .containsEntry("targetRegions", "must be a region code").containsEntry("period.end", "must not be null");
    }
}
