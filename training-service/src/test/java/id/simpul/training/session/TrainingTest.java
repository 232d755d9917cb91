package id.simpul.training.session;

import id.simpul.regions.IndonesianTimeZone;
import id.simpul.training.common.RuleException;
import id.simpul.training.common.StateException;
import id.simpul.training.programme.ProgrammeId;
import id.simpul.training.session.TrainingEvents.ParticipantEnrolled;
import id.simpul.training.session.TrainingEvents.ParticipantPromoted;
import id.simpul.training.session.TrainingEvents.ParticipantWaitlisted;
import id.simpul.training.session.TrainingEvents.ParticipantWithdrew;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final Schedule MARTAPURA = Schedule.local(LocalDateTime.parse("2026-12-10T09:00"),
            LocalDateTime.parse("2026-12-10T15:00"), IndonesianTimeZone.WITA);

    private static Training scheduled(int capacity) {
        Training training = Training.draft(TrainingId.newId(), ProgrammeId.newId(), "Cegah Stunting", "Gizi 1000 HPK",
                TrainingMode.IN_PERSON, new Venue("63.03.05.1001", "Aula Kecamatan", null), MARTAPURA, capacity,
                MARTAPURA.start().minusSeconds(86_400), List.of(), NOW).training();
        training.schedule(NOW);
        return training;
    }

    private static Object enrol(Training training, String name) {
        return training.enrol(EnrolmentId.newId(), UUID.randomUUID().toString(), "KIM " + name, "63.03.05.1001",
                new Participant(name, "Ketua"), NOW);
    }

    @Test
    void localTimesAreKeptWithTheVenuesZone() {
        assertThat(MARTAPURA.start()).isEqualTo(Instant.parse("2026-12-10T01:00:00Z"));
        assertThat(MARTAPURA.localStart()).isEqualTo(LocalDateTime.parse("2026-12-10T09:00"));
        Schedule jayapura = Schedule.local(LocalDateTime.parse("2026-12-12T09:00"), LocalDateTime.parse("2026-12-12T12:00"),
                IndonesianTimeZone.WIT);
        assertThat(jayapura.start()).isEqualTo(Instant.parse("2026-12-12T00:00:00Z"));
    }

    @Test
    void participantsTakeSeatsUpToTheCapacityThenWaitInOrder() {
        Training training = scheduled(2);

        assertThat(enrol(training, "Siti")).isInstanceOf(ParticipantEnrolled.class);
        assertThat(enrol(training, "Budi")).isInstanceOf(ParticipantEnrolled.class);
        Object third = enrol(training, "Rina");
        Object fourth = enrol(training, "Andi");

        assertThat(third).isInstanceOfSatisfying(ParticipantWaitlisted.class, w -> assertThat(w.position()).isEqualTo(1));
        assertThat(fourth).isInstanceOfSatisfying(ParticipantWaitlisted.class, w -> assertThat(w.position()).isEqualTo(2));
        assertThat(training.seated()).isEqualTo(2);
        assertThat(training.version()).isEqualTo(6);
    }

    @Test
    void whenASeatedParticipantWithdrawsTheFirstOnTheWaitlistIsPromoted() {
        Training training = scheduled(1);
        ParticipantEnrolled seated = (ParticipantEnrolled) enrol(training, "Siti");
        ParticipantWaitlisted first = (ParticipantWaitlisted) enrol(training, "Budi");
        enrol(training, "Rina");

        List<Object> events = training.withdraw(seated.enrolmentId(), NOW);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ParticipantWithdrew.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(ParticipantPromoted.class,
                p -> assertThat(p.enrolmentId()).isEqualTo(first.enrolmentId()));
        assertThat(((ParticipantPromoted) events.get(1)).version()).isEqualTo(((ParticipantWithdrew) events.get(0)).version() + 1);
        assertThat(training.waitlist()).hasSize(1);
    }

    @Test
    void leavingTheWaitlistPromotesNobody() {
        Training training = scheduled(1);
        enrol(training, "Siti");
        ParticipantWaitlisted waiting = (ParticipantWaitlisted) enrol(training, "Budi");

        assertThat(training.withdraw(waiting.enrolmentId(), NOW)).hasSize(1);
        assertThat(training.seated()).isEqualTo(1);
    }

    @Test
    void enrolmentClosesAtTheDeadlineInTheVenuesTime() {
        Training training = scheduled(5);

        assertThatThrownBy(() -> training.enrol(EnrolmentId.newId(), UUID.randomUUID().toString(), "KIM", "63.03.05.1001",
                new Participant("Siti", null), MARTAPURA.start()))
                .isInstanceOf(StateException.class).hasMessageContaining("2026-12-09T09:00 WITA");
    }

    @Test
    void theSamePersonOfAKimEnrolsOnce() {
        Training training = scheduled(5);
        String kim = UUID.randomUUID().toString();
        training.enrol(EnrolmentId.newId(), kim, "KIM A", "63.03.05.1001", new Participant("Siti Rahmah", null), NOW);

        assertThatThrownBy(() -> training.enrol(EnrolmentId.newId(), kim, "KIM A", "63.03.05.1001",
                new Participant(" siti rahmah ", "Sekretaris"), NOW)).isInstanceOf(StateException.class);
    }

    @Test
    void aDraftTakesNoEnrolments() {
        Training draft = Training.draft(TrainingId.newId(), ProgrammeId.newId(), "T", "t", TrainingMode.ONLINE,
                new Venue(null, null, "https://meet.example/x"), MARTAPURA, 5, null, List.of(), NOW).training();

        assertThatThrownBy(() -> enrol(draft, "Siti")).isInstanceOf(StateException.class).hasMessageContaining("DRAFT");
    }

    @Test
    void reschedulingKeepsEnrolmentsAndMovesTheDeadline() {
        Training training = scheduled(5);
        enrol(training, "Siti");
        Schedule later = Schedule.local(LocalDateTime.parse("2026-12-11T09:00"), LocalDateTime.parse("2026-12-11T15:00"),
                IndonesianTimeZone.WITA);

        var event = training.reschedule(later, null, "Aula dipakai", NOW);

        assertThat(event.previousStart()).isEqualTo(MARTAPURA.start());
        assertThat(event.localStart()).isEqualTo(LocalDateTime.parse("2026-12-11T09:00"));
        assertThat(training.enrolments()).hasSize(1);
        assertThat(training.enrolmentDeadline()).isEqualTo(later.start());
    }

    @Test
    void theEndComesAfterTheStartAndTheDeadlineBeforeIt() {
        Schedule backwards = new Schedule(MARTAPURA.end(), MARTAPURA.start(), IndonesianTimeZone.WITA);
        assertThatThrownBy(() -> Training.draft(TrainingId.newId(), ProgrammeId.newId(), "T", "t", TrainingMode.IN_PERSON,
                new Venue("63.03", null, null), backwards, 5, null, List.of(), NOW)).isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> Training.draft(TrainingId.newId(), ProgrammeId.newId(), "T", "t", TrainingMode.IN_PERSON,
                new Venue("63.03", null, null), MARTAPURA, 5, MARTAPURA.end(), List.of(), NOW)).isInstanceOf(RuleException.class);
    }

    @Test
    void onlyParticipantsInSeatsAttendAndCompletionCertifiesThem() {
        Training training = scheduled(1);
        ParticipantEnrolled seated = (ParticipantEnrolled) enrol(training, "Siti");
        ParticipantWaitlisted waiting = (ParticipantWaitlisted) enrol(training, "Budi");

        assertThatThrownBy(() -> training.recordAttendance(List.of(waiting.enrolmentId()), NOW)).isInstanceOf(RuleException.class);
        assertThat(training.recordAttendance(List.of(seated.enrolmentId()), NOW)).isPresent();
        assertThat(training.recordAttendance(List.of(seated.enrolmentId()), NOW)).as("already recorded").isEmpty();

        var completed = training.complete(() -> "KIM-ABCDEFGHJK", NOW);

        assertThat(completed.attendees()).isEqualTo(1);
        assertThat(training.enrolment(seated.enrolmentId()).orElseThrow().certificateCode()).isEqualTo("KIM-ABCDEFGHJK");
        assertThat(training.enrolment(waiting.enrolmentId()).orElseThrow().certificateCode()).isNull();
        assertThat(training.status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void aCompletedTrainingCannotBeCancelledAndCancellingNeedsAReason() {
        Training training = scheduled(1);
        assertThatThrownBy(() -> training.cancel(" ", NOW)).isInstanceOf(RuleException.class);
        training.complete(() -> "X", NOW);
        assertThatThrownBy(() -> training.cancel("Banjir", NOW)).isInstanceOf(StateException.class);
    }

    @Test
    void aPartnerAnswersItsInvitationOnce() {
        Training training = scheduled(5);
        InvitationId invitation = InvitationId.newId();
        training.invite(invitation, new PartnerRef(UUID.randomUUID().toString(), "Dinas Kesehatan", "HEALTH_OFFICE"), NOW);

        var joined = training.accept(invitation, List.of(new Speaker("dr. Rina", "Dokter", "rina@dinkes.example")), NOW);

        assertThat(joined.speakers()).isEqualTo(1);
        assertThatThrownBy(() -> training.decline(invitation, "Tidak bisa", NOW)).isInstanceOf(StateException.class);
        assertThat(training.bookings()).hasSize(1);
    }

    @Test
    void aSpeakerCannotBeInTwoOverlappingTrainings() {
        SpeakerSchedule schedule = SpeakerSchedule.empty("email:rina@dinkes.example");
        schedule.book("training-a", "Cegah Stunting Martapura", MARTAPURA);
        Schedule overlapping = new Schedule(MARTAPURA.start().plusSeconds(3600), MARTAPURA.end().plusSeconds(3600),
                IndonesianTimeZone.WITA);
        Schedule nextDay = new Schedule(MARTAPURA.start().plusSeconds(86_400), MARTAPURA.end().plusSeconds(86_400),
                IndonesianTimeZone.WITA);

        assertThatThrownBy(() -> schedule.book("training-b", "Other", overlapping))
                .isInstanceOf(SpeakerConflictException.class).hasMessageContaining("Cegah Stunting Martapura")
                .hasMessageContaining("2026-12-10T09:00").hasMessageContaining("WITA");
        schedule.book("training-b", "Other", nextDay);
        schedule.book("training-a", "Cegah Stunting Martapura", overlapping);
        assertThat(schedule.bookings()).hasSize(2);
    }
}
