package id.simpul.reporting.projection;

import id.simpul.regions.RegionDataset;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The projections give the same document whatever the order in which an aggregate's events arrive and however often
 * each arrives: what a rebuild running beside the live consumer, and any redelivery, rely on.
 */
class OrderIndependenceTest {

    private static final String TRAINING = "00000000-0000-4000-8000-0000000000a1";
    private static final String PROGRAMME = "00000000-0000-4000-8000-0000000000b1";
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static Places places;
    private static TrainingProjection trainings;
    private static KimProjection kims;
    private static ProgrammeProjection programmes;
    private static PartnerProjection partners;
    private static OutputProjection outputs;

    @BeforeAll
    static void regions() {
        places = new Places(RegionDataset.load());
        trainings = new TrainingProjection(places);
        kims = new KimProjection(places);
        programmes = new ProgrammeProjection(places);
        partners = new PartnerProjection(places);
        outputs = new OutputProjection(places);
    }

    /**
     * A training's life: drafted, scheduled, two partners, four participants, a withdrawal, attendance, completion,
     * and a correction moving its venue.
     */
    private static List<Predicate<Document>> trainingLife() {
        List<Predicate<Document>> events = new ArrayList<>();
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.described(r, described(1, "63.03.05.1001", 30), "DRAFT")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.described(r, described(2, "63.03.05.1001", 2), "SCHEDULED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.invitation(r, invitation(3, "i1", "p1", null), "INVITED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.invitation(r, invitation(4, "i2", "p2", null), "INVITED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.invitation(r, invitation(5, "i1", "p1", 2), "JOINED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.invitation(r, invitation(6, "i2", "p2", null), "DECLINED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.enrolment(r, enrolment(7, "e1", "k1"), "ENROLLED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.enrolment(r, enrolment(8, "e2", "k2"), "ENROLLED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.enrolment(r, enrolment(9, "e3", "k3"), "WAITLISTED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.enrolment(r, enrolment(10, "e1", "k1"), "WITHDRAWN")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.enrolment(r, enrolment(11, "e3", "k3"), "ENROLLED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.attendance(r, new Payloads.AttendanceRecorded(TRAINING, 12, PROGRAMME,
                List.of(new Payloads.Attendee("e2", "k2")), T0.plusSeconds(12)))));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.rescheduled(r, new Payloads.TrainingRescheduled(TRAINING, 13, PROGRAMME, "WITA",
                T0.plusSeconds(86_400), T0.plusSeconds(90_000), "2026-12-02T08:00", "2026-12-02T09:00", T0.plusSeconds(13)))));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.attendance(r, new Payloads.AttendanceRecorded(TRAINING, 14, PROGRAMME,
                List.of(new Payloads.Attendee("e3", "k3")), T0.plusSeconds(14)))));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.ended(r, new Payloads.TrainingEnded(TRAINING, 15, PROGRAMME, 2, null, null,
                T0.plusSeconds(15)), "COMPLETED")));
        events.add(d -> RowMapping.get().change(Rows.Training.class, d, r -> trainings.updated(r, new Payloads.TrainingUpdated(TRAINING, 16, PROGRAMME, "Cegah Stunting di Sekumpul",
                "Gizi", "63.03.05.1059", 3, T0.plusSeconds(16)))));
        return events;
    }

    @Test
    void inOrderTheTrainingHoldsItsLatestState() {
        Document training = apply(trainingLife());

        assertThat(training).containsEntry("status", "COMPLETED").containsEntry("version", 16L)
                .containsEntry("capacity", 3).containsEntry("venueRegionCode", "63.03.05.1059")
                .containsEntry("title", "Cegah Stunting di Sekumpul").containsEntry("mode", "IN_PERSON")
                .containsEntry("localStart", "2026-12-02T08:00");
        assertThat(training.getList("invitations", Document.class)).extracting(i -> i.getString("status"))
                .containsExactly("JOINED", "DECLINED");
        assertThat(training.getList("enrolments", Document.class))
                .extracting(e -> e.getString("id") + ":" + e.getString("status") + ":" + e.getBoolean("attended"))
                .containsExactly("e1:WITHDRAWN:false", "e2:ENROLLED:true", "e3:ENROLLED:true");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void anyOrderWithDuplicatesGivesTheSameTraining(long seed) {
        List<Predicate<Document>> shuffled = new ArrayList<>(trainingLife());
        shuffled.addAll(trainingLife().subList(0, 7));
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(normalised(apply(shuffled))).isEqualTo(normalised(apply(trainingLife())));
    }

    @Test
    void reversedGivesTheSameTraining() {
        List<Predicate<Document>> reversed = new ArrayList<>(trainingLife());
        Collections.reverse(reversed);

        assertThat(normalised(apply(reversed))).isEqualTo(normalised(apply(trainingLife())));
    }

    @Test
    void anEventAppliedASecondTimeChangesNothing() {
        Document training = apply(trainingLife());
        for (Predicate<Document> event : trainingLife()) {
            assertThat(event.test(training)).as("a redelivered event reports no change").isFalse();
        }
    }

    @Test
    void aKimsStatusChangeAndProfileUpdateCommuteWithItsRegistration() {
        Payloads.KimSnapshot registered = new Payloads.KimSnapshot("k1", 1, "KIM Keraton", "63.03.05.1001", "SUBMITTED",
                List.of("HEALTH"), List.of(), 20, T0, null);
        Payloads.KimStatusChanged verified = new Payloads.KimStatusChanged("k1", 2, "KIM Keraton", "63.03.05.1001",
                "VERIFIED", T0.plusSeconds(60));
        Payloads.KimSnapshot updated = new Payloads.KimSnapshot("k1", 3, "KIM Keraton Bersinar", "63.03.05.1059", "VERIFIED",
                List.of("HEALTH", "UMKM"), List.of(new Payloads.Media("INSTAGRAM", 100)), 25, null, T0.plusSeconds(120));
        Payloads.KimStatusChanged active = new Payloads.KimStatusChanged("k1", 4, "KIM Keraton Bersinar", "63.03.05.1059",
                "ACTIVE", T0.plusSeconds(180));
        List<Predicate<Document>> life = List.of(d -> RowMapping.get().change(Rows.Kim.class, d, r -> kims.registered(r, registered)), d -> RowMapping.get().change(Rows.Kim.class, d, r -> kims.statusChanged(r, verified)),
                d -> RowMapping.get().change(Rows.Kim.class, d, r -> kims.updated(r, updated)), d -> RowMapping.get().change(Rows.Kim.class, d, r -> kims.statusChanged(r, active)));
        Document inOrder = apply(life);
        List<Predicate<Document>> reversed = new ArrayList<>(life);
        Collections.reverse(reversed);

        assertThat(inOrder).containsEntry("status", "ACTIVE").containsEntry("name", "KIM Keraton Bersinar")
                .containsEntry("villageCode", "63.03.05.1059").containsEntry("districtCode", "63.03.05")
                .containsEntry("hasMedia", true).containsEntry("registeredAt", java.util.Date.from(T0))
                .containsEntry("lastActivityAt", java.util.Date.from(T0.plusSeconds(180)));
        assertThat(normalised(apply(reversed))).isEqualTo(normalised(inOrder));
    }

    @Test
    void aProgrammesCorrectionsCommuteWithItsCreation() {
        Payloads.Targets first = new Payloads.Targets(4, 40, 200, 50_000L);
        Payloads.Targets second = new Payloads.Targets(12, 60, 150, 50_000L);
        List<Predicate<Document>> life = List.of(
                d -> RowMapping.get().change(Rows.Programme.class, d, r -> programmes.created(r, new Payloads.ProgrammeCreated(PROGRAMME, 1, "Cegah Stunting", "STUNTING",
                        new Payloads.Organiser("MINISTRY", "Komdigi"), "2026-12-01", "2027-03-31", List.of("63"), first, T0))),
                d -> RowMapping.get().change(Rows.Programme.class, d, r -> programmes.updated(r, new Payloads.ProgrammeUpdated(PROGRAMME, 2, "Cegah Stunting 2027", "STUNTING",
                        "2026-12-01", "2027-06-30", List.of("63", "91"), first, T0.plusSeconds(60)))),
                d -> RowMapping.get().change(Rows.Programme.class, d, r -> programmes.updated(r, new Payloads.ProgrammeUpdated(PROGRAMME, 3, "Cegah Stunting 2027", "STUNTING",
                        "2026-12-01", "2027-06-30", List.of("63", "91"), second, T0.plusSeconds(120)))));

        Document programme = inEveryOrder(life);

        assertThat(programme).containsEntry("title", "Cegah Stunting 2027").containsEntry("periodEnd", "2027-06-30")
                .containsEntry("targetRegions", List.of("63", "91")).containsEntry("version", 3L)
                .containsEntry("createdAt", java.util.Date.from(T0));
        assertThat(programme.get("targets", Document.class)).containsEntry("trainings", 12L).containsEntry("outputs", 150L);
        assertThat(programme.get("organiser", Document.class)).containsEntry("name", "Komdigi");
    }

    @Test
    void aPartnersRenamingCommutesWithItsRegistration() {
        List<Predicate<Document>> life = List.of(
                d -> RowMapping.get().change(Rows.Partner.class, d, r -> partners.registered(r, new Payloads.PartnerRegistered("p1", 1, "Dinkes Banjar", "HEALTH_OFFICE", "63.03", T0))),
                d -> RowMapping.get().change(Rows.Partner.class, d, r -> partners.updated(r, new Payloads.PartnerUpdated("p1", 2, "Dinas Kesehatan Kabupaten Banjar",
                        "HEALTH_OFFICE", "63.03", T0.plusSeconds(60)))));

        assertThat(inEveryOrder(life)).containsEntry("name", "Dinas Kesehatan Kabupaten Banjar")
                .containsEntry("registeredAt", java.util.Date.from(T0)).containsEntry("version", 2L);
    }

    @Test
    void anOutputsCorrectionAndWithdrawalCommuteWithItsReport() {
        List<Predicate<Document>> life = List.of(
                d -> RowMapping.get().change(Rows.Output.class, d, r -> outputs.reported(r, new Payloads.OutputReported("o1", 1, PROGRAMME, TRAINING, "k1", "63.03.05.1001",
                        "INSTAGRAM", "https://instagram.com/p/1", "2026-12-12", 1450, T0))),
                d -> RowMapping.get().change(Rows.Output.class, d, r -> outputs.corrected(r, new Payloads.OutputCorrected("o1", 2, PROGRAMME, TRAINING, "k1", "63.03.05.1001",
                        "INSTAGRAM", "https://instagram.com/p/1", "2026-12-12", 1045, T0.plusSeconds(60)))),
                d -> RowMapping.get().change(Rows.Output.class, d, r -> outputs.withdrawn(r, new Payloads.OutputWithdrawn("o1", 3, PROGRAMME, TRAINING, "k1", "63.03.05.1001",
                        T0.plusSeconds(120)))));

        assertThat(inEveryOrder(life)).containsEntry("peopleReached", 1045L).containsEntry("withdrawn", true)
                .containsEntry("districtCode", "63.03.05").containsEntry("reportedAt", java.util.Date.from(T0))
                .containsEntry("version", 3L);
        assertThat(inEveryOrder(life.subList(0, 2))).containsEntry("peopleReached", 1045L).doesNotContainKey("withdrawn");
    }

    @Test
    void aVillageTheRegionDatasetDoesNotKnowIsRefused() {
        Payloads.KimSnapshot unknown = new Payloads.KimSnapshot("k1", 1, "KIM Entah", "99.99.99.9999", "SUBMITTED",
                List.of(), List.of(), null, T0, null);
        Payloads.KimSnapshot notAVillage = new Payloads.KimSnapshot("k1", 1, "KIM Entah", "63.03", "SUBMITTED",
                List.of(), List.of(), null, T0, null);

        assertThatThrownBy(() -> kims.check(unknown)).isInstanceOf(UnknownRegionException.class)
                .hasMessageContaining("99.99.99.9999");
        assertThatThrownBy(() -> kims.check(notAVillage)).isInstanceOf(UnknownRegionException.class)
                .hasMessageContaining("REGENCY");
    }

    /**
     * The document {@code life} gives in order, after checking that it gives the same reversed and shuffled with
     * every event twice, and that applying any event again reports no change.
     */
    private static Document inEveryOrder(List<Predicate<Document>> life) {
        Document inOrder = apply(life);
        List<Predicate<Document>> reversed = new ArrayList<>(life);
        Collections.reverse(reversed);
        assertThat(apply(reversed)).isEqualTo(inOrder);
        for (long seed = 1; seed <= 5; seed++) {
            List<Predicate<Document>> twice = new ArrayList<>(life);
            twice.addAll(life);
            Collections.shuffle(twice, new Random(seed));
            assertThat(apply(twice)).as("shuffled with seed " + seed).isEqualTo(inOrder);
        }
        for (Predicate<Document> event : life) {
            assertThat(event.test(inOrder)).as("a redelivered event reports no change").isFalse();
        }
        return inOrder;
    }

    private static Document apply(List<Predicate<Document>> events) {
        Document document = new Document("_id", TRAINING);
        events.forEach(event -> event.test(document));
        return document;
    }

    /** The document with its arrays in id order: the order elements were first seen in is not part of the state. */
    private static Document normalised(Document document) {
        Document copy = new Document(document);
        for (String field : List.of("invitations", "enrolments")) {
            if (copy.containsKey(field)) {
                List<Document> elements = new ArrayList<>(copy.getList(field, Document.class));
                elements.sort(Comparator.comparing(e -> e.getString("id")));
                copy.put(field, elements);
            }
        }
        return copy;
    }

    private static Payloads.TrainingDescribed described(long version, String venue, int capacity) {
        return new Payloads.TrainingDescribed(TRAINING, version, PROGRAMME, "Cegah Stunting", "Gizi", "IN_PERSON", venue,
                "WITA", T0, T0.plusSeconds(3600), "2026-12-01T08:00", "2026-12-01T09:00", capacity, T0.minusSeconds(100),
                version == 2 ? T0.minusSeconds(50) : null);
    }

    private static Payloads.InvitationChanged invitation(long version, String id, String partner, Integer speakers) {
        return new Payloads.InvitationChanged(TRAINING, version, PROGRAMME, id, partner, "HEALTH_OFFICE", speakers);
    }

    private static Payloads.EnrolmentChanged enrolment(long version, String id, String kim) {
        return new Payloads.EnrolmentChanged(TRAINING, version, PROGRAMME, id, kim, "63.03.05.1001");
    }
}
