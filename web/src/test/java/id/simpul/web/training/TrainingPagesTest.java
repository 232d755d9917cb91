package id.simpul.web.training;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingPagesTest {

    @Test
    void aManagerIsOfferedTheStepsOfTheLifecycleFromWhereTheTrainingStands() {
        assertThat(TrainingPages.steps("DRAFT")).containsExactly("SCHEDULED", "CANCELLED");
        assertThat(TrainingPages.steps("SCHEDULED")).containsExactly("COMPLETED", "CANCELLED");
        assertThat(TrainingPages.steps("COMPLETED")).isEmpty();
        assertThat(TrainingPages.steps("CANCELLED")).isEmpty();
    }

    @Test
    void theSpeakerRowsFilledInAreTheSpeakersAndBlankRowsAreLeftOut() {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("speakers[0].name", "dr. Nurul Hidayah");
        fields.add("speakers[0].role", "Dokter");
        fields.add("speakers[1].name", " ");
        fields.add("speakers[2].name", "Rahmawati");
        fields.add("speakers[2].email", "rahma@dinkes.example");

        assertThat(TrainingPages.speakers(fields)).containsExactly(
                Map.of("name", "dr. Nurul Hidayah", "role", "Dokter"),
                Map.of("name", "Rahmawati", "email", "rahma@dinkes.example"));
        assertThat(TrainingPages.speakers(new LinkedMultiValueMap<>())).isEmpty();
    }

    @Test
    void theEnrolmentListSeparatesSeatsTheWaitlistInItsOrderAndWithdrawals() {
        Map<String, Object> training = Map.of("enrolments", List.of(
                Map.of("id", "a", "status", "ENROLLED"),
                Map.of("id", "w2", "status", "WAITLISTED", "waitlistPosition", 2),
                Map.of("id", "x", "status", "WITHDRAWN"),
                Map.of("id", "w1", "status", "WAITLISTED", "waitlistPosition", 1),
                Map.of("id", "b", "status", "ENROLLED")));

        Enrolments enrolments = Enrolments.of(training);

        assertThat(enrolments.seated()).extracting(e -> e.get("id")).containsExactly("a", "b");
        assertThat(enrolments.waitlist()).extracting(e -> e.get("id")).containsExactly("w1", "w2");
        assertThat(enrolments.withdrawn()).extracting(e -> e.get("id")).containsExactly("x");
        assertThat(Enrolments.of(Map.of()).seated()).isEmpty();
    }

    @Test
    void aPartnerFindsItsOwnInvitationOnly() {
        Map<String, Object> training = Map.of("invitations", List.of(
                Map.of("id", "i1", "partner", Map.of("partnerId", "p1")),
                Map.of("id", "i2", "partner", Map.of("partnerId", "p2"))));
        assertThat(Enrolments.invitationOf(training, "p2")).containsEntry("id", "i2");
        assertThat(Enrolments.invitationOf(training, "p3")).isNull();
    }
}
