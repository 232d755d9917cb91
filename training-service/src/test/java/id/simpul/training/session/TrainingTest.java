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

import java.time.Duration;
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
    private static final Duration GRACE = Duration.ofHours(2);
    /** An hour into the Martapura training. */
    private static final Instant DURING = MARTAPURA.start().plus(Duration.ofHours(1));

    private static Training scheduled(int capacity) {
        Training training = Training.draft(TrainingId.newId(), ProgrammeId.newId(), "Cegah Stunting", "Gizi 1000 HPK",
                TrainingMode.IN_PERSON, new Venue("63.03.05.1001", "Aula Kecamatan", null), MARTAPURA, capacity,
                MARTAPURA.start().minusSeconds(86_400), List.of(), NOW, GRACE).training();
        training.schedule(NOW, GRACE);
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
                new Venue(null, null, "https://meet.example/x"), MARTAPURA, 5, null, List.of(), NOW, GRACE).training();

        assertThatThrownBy(() -> enrol(draft, "Siti")).isInstanceOf(StateException.class).hasMessageContaining("DRAFT");
    }

    @Test
    void reschedulingKeepsEnrolmentsAndMovesTheDeadline() {
        Training training = scheduled(5);
        enrol(training, "Siti");
        Schedule later = Schedule.local(LocalDateTime.parse("2026-12-11T09:00"), LocalDateTime.parse("2026-12-11T15:00"),
                IndonesianTimeZone.WITA);

        var event = training.reschedule(later, null, "Aula dipakai", NOW, GRACE);

        assertThat(event.previousStart()).isEqualTo(MARTAPURA.start());
        assertThat(event.localStart()).isEqualTo(LocalDateTime.parse("2026-12-11T09:00"));
        assertThat(training.enrolments()).hasSize(1);
        assertThat(training.enrolmentDeadline()).isEqualTo(later.start());
    }

    @Test
    void theEndComesAfterTheStartAndTheDeadlineBeforeIt() {
        Schedule backwards = new Schedule(MARTAPURA.end(), MARTAPURA.start(), IndonesianTimeZone.WITA);
        assertThatThrownBy(() -> Training.draft(TrainingId.newId(), ProgrammeId.newId(), "T", "t", TrainingMode.IN_PERSON,
                new Venue("63.03", null, null), backwards, 5, null, List.of(), NOW, GRACE)).isInstanceOf(RuleException.class);
        assertThatThrownBy(() -> Training.draft(TrainingId.newId(), ProgrammeId.newId(), "T", "t", TrainingMode.IN_PERSON,
                new Venue("63.03", null, null), MARTAPURA, 5, MARTAPURA.end(), List.of(), NOW, GRACE)).isInstanceOf(RuleException.class);
    }

    @Test
    void onlyParticipantsInSeatsAttendAndCompletionCertifiesThem() {
        Training training = scheduled(1);
        ParticipantEnrolled seated = (ParticipantEnrolled) enrol(training, "Siti");
        ParticipantWaitlisted waiting = (ParticipantWaitlisted) enrol(training, "Budi");

        assertThatThrownBy(() -> training.recordAttendance(List.of(waiting.enrolmentId()), DURING)).isInstanceOf(RuleException.class);
        assertThat(training.recordAttendance(List.of(seated.enrolmentId()), DURING)).isPresent();
        assertThat(training.recordAttendance(List.of(seated.enrolmentId()), DURING)).as("already recorded").isEmpty();

        var completed = training.complete(() -> "KIM-ABCDEFGHJK", DURING);

        assertThat(completed.attendees()).isEqualTo(1);
        assertThat(training.enrolment(seated.enrolmentId()).orElseThrow().certificateCode()).isEqualTo("KIM-ABCDEFGHJK");
        assertThat(training.enrolment(waiting.enrolmentId()).orElseThrow().certificateCode()).isNull();
        assertThat(training.status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void aCompletedTrainingCannotBeCancelledAndCancellingNeedsAReason() {
        Training training = scheduled(1);
        assertThatThrownBy(() -> training.cancel(" ", NOW)).isInstanceOf(RuleException.class);
        training.complete(() -> "X", DURING);
        assertThatThrownBy(() -> training.cancel("Banjir", DURING)).isInstanceOf(StateException.class);
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

    // Dates that hold together, in the venue's local time.

    private static final Schedule JAYAPURA = Schedule.local(LocalDateTime.parse("2026-12-16T09:00"),
            LocalDateTime.parse("2026-12-16T13:00"), IndonesianTimeZone.WIT);

    private static Training drafted(Schedule schedule, int capacity, Instant now) {
        return Training.draft(TrainingId.newId(), ProgrammeId.newId(), "Cegah Stunting", "Air bersih dan sanitasi",
                TrainingMode.IN_PERSON, new Venue("91.71.01", "Aula Distrik Jayapura Utara", null), schedule, capacity,
                null, List.of(), now, GRACE).training();
    }

    @Test
    void aTrainingCannotBePlannedToStartInThePastBeyondTheGraceForLateEntry() {
        Instant afterStart = JAYAPURA.start().plus(Duration.ofHours(3));

        assertThatThrownBy(() -> drafted(JAYAPURA, 10, afterStart)).isInstanceOf(RuleException.class)
                .hasMessageContaining("start must not be in the past").hasMessageContaining("2026-12-16T09:00 WIT")
                .hasMessageContaining("2026-12-16T12:00 there");
        assertThat(drafted(JAYAPURA, 10, JAYAPURA.start().plus(Duration.ofMinutes(90))).status())
                .as("begun 90 minutes ago, within the two hours' grace").isEqualTo(TrainingStatus.DRAFT);
    }

    @Test
    void aDraftWhoseStartHasPassedIsNotScheduled() {
        Training training = drafted(JAYAPURA, 10, NOW);

        assertThatThrownBy(() -> training.schedule(JAYAPURA.start().plus(Duration.ofDays(1)), GRACE))
                .isInstanceOf(RuleException.class).hasMessageContaining("must not be in the past");
        assertThat(training.status()).isEqualTo(TrainingStatus.DRAFT);
    }

    @Test
    void attendanceIsRecordedFromTheStartOfTheTrainingInTheVenuesTime() {
        Training training = drafted(JAYAPURA, 10, NOW);
        training.schedule(NOW, GRACE);
        EnrolmentId seat = ((ParticipantEnrolled) enrol(training, "Yohanes")).enrolmentId();
        Instant oneMinuteBefore = Instant.parse("2026-12-15T23:59:00Z");

        assertThatThrownBy(() -> training.recordAttendance(List.of(seat), oneMinuteBefore)).isInstanceOf(StateException.class)
                .hasMessageContaining("from its start at 2026-12-16T09:00 WIT").hasMessageContaining("2026-12-16T08:59 there");
        assertThat(training.recordAttendance(List.of(seat), JAYAPURA.start())).isPresent();
    }

    @Test
    void aTrainingIsCompletedOnlyOnceItHasBegun() {
        Training training = drafted(JAYAPURA, 10, NOW);
        training.schedule(NOW, GRACE);

        assertThatThrownBy(() -> training.complete(() -> "X", JAYAPURA.start().minus(Duration.ofDays(30))))
                .isInstanceOf(StateException.class).hasMessageContaining("can be completed from its start");
        assertThat(training.status()).isEqualTo(TrainingStatus.SCHEDULED);
        training.complete(() -> "X", JAYAPURA.end());
        assertThat(training.status()).isEqualTo(TrainingStatus.COMPLETED);
    }

    @Test
    void aTrainingWhoseAttendanceWasRecordedIsNotRescheduled() {
        Training training = scheduled(5);
        EnrolmentId seat = ((ParticipantEnrolled) enrol(training, "Siti")).enrolmentId();
        training.recordAttendance(List.of(seat), DURING);
        Schedule nextWeek = new Schedule(MARTAPURA.start().plus(Duration.ofDays(7)), MARTAPURA.end().plus(Duration.ofDays(7)),
                IndonesianTimeZone.WITA);

        assertThatThrownBy(() -> training.reschedule(nextWeek, null, "Hujan", DURING, GRACE)).isInstanceOf(StateException.class)
                .hasMessageContaining("took place at 2026-12-10T09:00 WITA");
        assertThat(training.schedule()).isEqualTo(MARTAPURA);
    }

    @Test
    void aTrainingIsNotRescheduledIntoThePast() {
        Training training = scheduled(5);
        Schedule lastWeek = new Schedule(NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(7)).plusSeconds(3600),
                IndonesianTimeZone.WITA);

        assertThatThrownBy(() -> training.reschedule(lastWeek, null, "Salah tanggal", NOW, GRACE))
                .isInstanceOf(RuleException.class).hasMessageContaining("must not be in the past");
    }

    // Corrections.

    @Test
    void capacityNeverFallsBelowTheSeatsTaken() {
        Training training = scheduled(3);
        enrol(training, "Siti");
        enrol(training, "Budi");

        assertThatThrownBy(() -> training.correct(new Training.Correction(null, null, null, 1, null, null), NOW))
                .isInstanceOfSatisfying(RuleException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("capacity"))
                        .satisfies(v -> assertThat(v.message()).contains("2 seats taken")));
        assertThat(training.capacity()).isEqualTo(3);
    }

    @Test
    void raisingTheCapacitySeatsThoseWaitingFirstComeFirst() {
        Training training = scheduled(1);
        enrol(training, "Siti");
        ParticipantWaitlisted rina = (ParticipantWaitlisted) enrol(training, "Rina");
        ParticipantWaitlisted andi = (ParticipantWaitlisted) enrol(training, "Andi");
        ParticipantWaitlisted budi = (ParticipantWaitlisted) enrol(training, "Budi");
        long before = training.version();

        List<Object> events = training.correct(new Training.Correction(null, null, null, 3, null, null), NOW);

        assertThat(events).hasSize(3);
        assertThat(events.getFirst()).isInstanceOfSatisfying(TrainingEvents.TrainingUpdated.class, u -> {
            assertThat(u.capacity()).isEqualTo(3);
            assertThat(u.changed()).containsExactly("capacity");
            assertThat(u.version()).isEqualTo(before + 1);
        });
        assertThat(events.subList(1, 3)).map(e -> ((ParticipantPromoted) e).enrolmentId())
                .containsExactly(rina.enrolmentId(), andi.enrolmentId());
        assertThat(training.version()).isEqualTo(before + 3);
        assertThat(training.seated()).isEqualTo(3);
        assertThat(training.waitlist()).extracting(Enrolment::id).containsExactly(budi.enrolmentId());
    }

    @Test
    void aCompletedTrainingKeepsItsVenueAndCapacityButItsMaterialsCanBeCorrected() {
        Training training = scheduled(5);
        training.complete(() -> "X", DURING);
        List<Material> slides = List.of(new Material("Slide Dinkes", "https://dinkes.example/slide.pdf"));

        assertThatThrownBy(() -> training.correct(new Training.Correction(null, null, null, 10, null, null), DURING))
                .isInstanceOf(StateException.class).hasMessageContaining("capacity of a COMPLETED training cannot change");
        List<Object> events = training.correct(new Training.Correction("Cegah Stunting (ulang)", null, null, null, null, slides), DURING);

        assertThat(events).singleElement().isInstanceOfSatisfying(TrainingEvents.TrainingUpdated.class,
                u -> assertThat(u.changed()).containsExactly("title", "materials"));
        assertThat(training.materials()).isEqualTo(slides);
    }

    @Test
    void aCorrectionThatChangesNothingCausesNoEvent() {
        Training training = scheduled(5);
        long before = training.version();

        assertThat(training.correct(new Training.Correction(" Cegah Stunting ", null, null, 5, null, null), NOW)).isEmpty();
        assertThat(training.version()).isEqualTo(before);
    }

    @Test
    void theEnrolmentDeadlineIsNotCorrectedPastTheStart() {
        Training training = scheduled(5);

        assertThatThrownBy(() -> training.correct(new Training.Correction(null, null, null, null, MARTAPURA.end(), null), NOW))
                .isInstanceOf(RuleException.class).hasMessageContaining("enrolmentDeadline");
    }
}
