package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Rows;
import id.simpul.regions.IndonesianTimeZone;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures computed from a small, fully known set of read-model rows. */
class FiguresTest {

    private static final Instant NOW = Instant.parse("2026-12-20T00:00:00Z");
    private static final String KERATON = "63.03.05.1001";
    private static final String SEKUMPUL = "63.03.05.1059";
    private static final String TAKISUNG = "63.01.01.2004";
    private static final String GURABESI = "91.71.01.1001";
    private static final String AMBARKETAWANG = "34.04.01.2002";

    private static RegionDataset regions;
    private static Figures figures;

    @BeforeAll
    static void compute() {
        regions = RegionDataset.load();
        List<Rows.Kim> kims = List.of(
                kim("k1", KERATON, "ACTIVE", List.of("HEALTH"), List.of("INSTAGRAM", "RADIO")),
                kim("k2", KERATON, "ACTIVE", List.of("HEALTH", "UMKM"), List.of()),
                kim("k3", SEKUMPUL, "VERIFIED", List.of(), List.of("YOUTUBE")),
                kim("k4", TAKISUNG, "ACTIVE", List.of(), List.of()),
                kim("k5", GURABESI, "SUBMITTED", List.of(), List.of()),
                kim("k6", AMBARKETAWANG, "ACTIVE", List.of(), List.of()),
                kim("k7", SEKUMPUL, "DISSOLVED", List.of(), List.of("INSTAGRAM")));
        Rows.Programme stunting = TestRows.programme("p1", "Cegah Stunting", "STUNTING", "MINISTRY", "Komdigi", "2026-12-01",
                "2027-03-31", List.of("63", "91"), 4L, 10L, 20L, null);
        Rows.Training martapura = TestRows.training("t1", "p1", "Martapura", "Gizi", "IN_PERSON", KERATON, "WITA",
                NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(5)).plus(Duration.ofHours(6)), 3, "COMPLETED",
                List.of(TestRows.invitation("i1", "partner-1", "HEALTH_OFFICE", "JOINED"),
                        TestRows.invitation("i2", "partner-2", "UNIVERSITY", "DECLINED")),
                List.of(enrolment("e1", "k1", KERATON, "ENROLLED", true),
                        enrolment("e2", "k2", KERATON, "ENROLLED", false),
                        enrolment("e3", "k4", TAKISUNG, "ENROLLED", true),
                        enrolment("e4", "k3", SEKUMPUL, "WITHDRAWN", false)));
        Rows.Training jayapura = TestRows.training("t2", "p1", "Jayapura", "Gizi", "IN_PERSON", "91.71.01", "WIT",
                NOW.plus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(6)), 30, "SCHEDULED",
                List.of(TestRows.invitation("i3", "partner-1", "HEALTH_OFFICE", "JOINED")),
                List.of(enrolment("e5", "k3", SEKUMPUL, "WAITLISTED", false)));
        Rows.Training cancelled = TestRows.training("t3", "p1", "Batal", "Gizi", "ONLINE", null, "WIB",
                NOW, NOW.plus(Duration.ofHours(2)), 10, "CANCELLED", List.of(), List.of(enrolment("e6", "k6", AMBARKETAWANG, "ENROLLED", false)));
        List<Rows.Output> outputs = List.of(
                output("o1", "k1", KERATON, "INSTAGRAM", "2026-12-16", 1000, NOW.minus(Duration.ofDays(4)), false),
                output("o2", "k1", KERATON, "RADIO", "2026-12-17", 500, NOW.minus(Duration.ofDays(3)), false),
                output("o3", "k4", TAKISUNG, "RADIO", "2026-12-17", 250, NOW.minus(Duration.ofDays(3)), false),
                output("o4", "k3", SEKUMPUL, "YOUTUBE", "2026-12-18", 9999, NOW.minus(Duration.ofDays(1)), true));
        List<Rows.Partner> partners = List.of(TestRows.partner("partner-1", "Dinas Kesehatan Kabupaten Banjar", "HEALTH_OFFICE"));
        figures = Figures.compute(regions, new Figures.Data(kims, List.of(stunting), partners,
                List.of(martapura, jayapura, cancelled), outputs), NOW);
    }

    @Test
    void nationalKimsByStatusFocusAndMedia() {
        Views.Kims kims = figures.national().kims();

        assertThat(kims.total()).isEqualTo(7);
        assertThat(kims.byStatus()).containsEntry("ACTIVE", 4L).containsEntry("VERIFIED", 1L).containsEntry("SUBMITTED", 1L)
                .containsEntry("DISSOLVED", 1L).containsEntry("CANDIDATE", 0L);
        assertThat(kims.byStatus().keySet()).as("every status, in lifecycle order, also when none counts")
                .containsExactly("CANDIDATE", "SUBMITTED", "VERIFIED", "ACTIVE", "DORMANT", "REJECTED", "DISSOLVED");
        assertThat(kims.byFocusArea()).containsExactly(Map.entry("HEALTH", 2L), Map.entry("UMKM", 1L));
        assertThat(kims.media()).isEqualTo(new Views.Media(3, 4, Map.of("INSTAGRAM", 2L, "RADIO", 1L, "YOUTUBE", 1L)));
    }

    @Test
    void coverageCountsDistrictsAndVillagesWithAnActiveKimAgainstTheDataset() {
        Views.Coverage national = figures.national().coverage();
        Views.Coverage banjar = figures.region("63.03").orElseThrow().coverage();

        assertThat(national.districts().covered()).as("Martapura, Takisung, Gamping").isEqualTo(3);
        assertThat(national.districts().total()).isEqualTo(regions.count(RegionLevel.DISTRICT));
        assertThat(national.villages().covered()).as("Keraton, Takisung, Ambarketawang").isEqualTo(3);
        assertThat(banjar.districts()).isEqualTo(new Views.Share(1, regions.countsBelow("63.03").get(RegionLevel.DISTRICT),
                Views.ratio(1, regions.countsBelow("63.03").get(RegionLevel.DISTRICT))));
        assertThat(banjar.villages().covered()).as("Sekumpul's KIMs are not ACTIVE").isEqualTo(1);
    }

    @Test
    void participantsFunnelPartnersAndOutputs() {
        Views.RegionFigures national = figures.national();

        assertThat(national.participants()).as("the cancelled training's enrolment does not count")
                .isEqualTo(new Views.Participants(3, 1, 1, 2, Views.ratio(2, 3)));
        assertThat(national.funnel()).as("eligible: VERIFIED or ACTIVE in 63 or 91 (k1 k2 k3 k4)")
                .isEqualTo(new Views.Funnel(4, 3, 2, 2));
        assertThat(national.partners().engaged()).as("one partner joined two trainings").isEqualTo(1);
        assertThat(national.partners().byType()).containsEntry("HEALTH_OFFICE", 1L).containsEntry("UNIVERSITY", 0L);
        assertThat(national.outputs()).isEqualTo(new Views.Outputs(3, 1750, Map.of("INSTAGRAM", 1L, "RADIO", 2L)));
        assertThat(national.trainings().byStatus()).containsEntry("COMPLETED", 1L).containsEntry("SCHEDULED", 1L)
                .containsEntry("CANCELLED", 1L);
        assertThat(national.trainings().byTheme()).containsExactly(Map.entry("STUNTING", 3L));
    }

    @Test
    void regionsPlaceKimsParticipantsAndOutputsByVillageAndTrainingsByVenue() {
        Views.RegionFigures kalsel = figures.region("63").orElseThrow();
        Views.RegionFigures papua = figures.region("91").orElseThrow();

        assertThat(kalsel.kims().total()).isEqualTo(5);
        assertThat(kalsel.trainings().total()).isEqualTo(1);
        assertThat(kalsel.participants().enrolled()).isEqualTo(3);
        assertThat(kalsel.outputs().reach()).isEqualTo(1750);
        assertThat(papua.trainings().total()).as("the venue is a district of Papua").isEqualTo(1);
        assertThat(papua.participants().waitlisted()).as("the waitlisted KIM lives in Kalimantan Selatan").isZero();
        assertThat(papua.partners().engaged()).isEqualTo(1);
    }

    @Test
    void childrenListEveryChildRegionInCodeOrder() {
        List<Views.Child> provinces = figures.national().children();
        List<Views.Child> regencies = figures.region("63").orElseThrow().children();

        assertThat(provinces).hasSize(regions.children(null).size());
        assertThat(provinces).extracting(c -> c.region().code()).isSorted();
        assertThat(provinces).filteredOn(c -> c.region().code().equals("63")).singleElement()
                .satisfies(c -> assertThat(c.kims()).isEqualTo(new Views.ChildKims(5, 3)));
        assertThat(regencies).filteredOn(c -> c.kims().total() > 0).extracting(c -> c.region().code() + "=" + c.kims().total())
                .containsExactly("63.01=1", "63.03=4");
        assertThat(figures.region("63").orElseThrow().path()).isEmpty();
        assertThat(figures.region("63.03.05").orElseThrow().path()).extracting(Views.Place::code).containsExactly("63", "63.03");
    }

    @Test
    void aDistrictsChildrenAreItsVillagesCountedOnRequest() {
        Views.RegionFigures martapura = figures.region("63.03.05").orElseThrow();
        Views.RegionFigures keraton = figures.region(KERATON).orElseThrow();

        assertThat(martapura.children()).filteredOn(c -> c.kims().total() > 0)
                .extracting(c -> c.region().code() + "=" + c.kims().total() + "/" + c.kims().active())
                .containsExactly(KERATON + "=2/2", SEKUMPUL + "=2/0");
        assertThat(martapura.coverage().districts()).isEqualTo(new Views.Share(1, 1L, 1.0));
        assertThat(keraton.kims().total()).isEqualTo(2);
        assertThat(keraton.trainings().total()).as("the venue is Keraton").isEqualTo(1);
        assertThat(keraton.outputs().count()).isEqualTo(2);
        assertThat(keraton.coverage()).isEqualTo(new Views.Coverage(null, new Views.Share(1, 1L, 1.0)));
        assertThat(keraton.children()).isEmpty();
    }

    @Test
    void trainingsHeldAtARegencyItselfHaveTheirOwnRowSoTheDistrictsAddUp() {
        Rows.Programme programme = TestRows.programme("p1", "Cegah Stunting", "STUNTING", "MINISTRY", "Komdigi", "2026-12-01",
                "2027-03-31", List.of("63"), null, null, null, null);
        Figures held = Figures.compute(regions, new Figures.Data(List.of(), List.of(programme), List.of(), List.of(
                training("at-banjar-office", "63.03"), training("at-banjar-office-2", "63.03"),
                training("in-martapura", "63.03.05"), training("in-keraton", KERATON)), List.of()), NOW);

        Views.RegionFigures banjar = held.region("63.03").orElseThrow();
        Views.RegionFigures martapura = held.region("63.03.05").orElseThrow();

        assertThat(banjar.trainings().total()).isEqualTo(4);
        assertThat(banjar.children()).filteredOn(c -> c.trainings() > 0).extracting(c -> c.region().code() + "=" + c.trainings())
                .containsExactly("63.03.05=2");
        assertThat(banjar.atThisLevel()).as("the two held at the regency, in none of its districts")
                .isEqualTo(new Views.AtThisLevel(2));
        assertThat(martapura.atThisLevel()).as("the one held at the district, in none of its villages")
                .isEqualTo(new Views.AtThisLevel(1));
        assertThat(held.region("63").orElseThrow().atThisLevel()).as("all in Kabupaten Banjar").isEqualTo(new Views.AtThisLevel(0));
        assertThat(held.region(KERATON).orElseThrow().atThisLevel()).as("a village has nothing below it").isNull();
    }

    @Test
    void trainingsWithoutAVenueRegionAreTheNationsOwnRow() {
        Views.RegionFigures national = figures.national();

        assertThat(national.atThisLevel()).as("the online training").isEqualTo(new Views.AtThisLevel(1));
        assertThat(national.children().stream().mapToLong(Views.Child::trainings).sum() + national.atThisLevel().trainings())
                .isEqualTo(national.trainings().total());
        assertThat(figures.region("91.71.01").orElseThrow().atThisLevel()).as("Jayapura's venue is the district itself")
                .isEqualTo(new Views.AtThisLevel(1));
    }

    @Test
    void anUnknownRegionHasNoFigures() {
        assertThat(figures.region("99")).isEmpty();
        assertThat(figures.region("63.99")).isEmpty();
    }

    @Test
    void programmeProgressAgainstTargetsAndByRegion() {
        Views.ProgrammeFigures programme = figures.programme("p1").orElseThrow();

        assertThat(programme.progress()).isEqualTo(new Views.Progress(
                new Views.Target(2, 4L, 0.5), new Views.Target(1, 4L, 0.25), new Views.Target(2, 10L, 0.2),
                new Views.Target(3, 20L, 0.15), new Views.Target(1750, null, null)));
        assertThat(programme.funnel()).isEqualTo(new Views.Funnel(4, 3, 2, 2));
        assertThat(programme.trainings()).extracting(Views.TrainingRow::id).containsExactly("t1", "t3", "t2");
        assertThat(programme.trainings().getFirst()).satisfies(t -> {
            assertThat(t.enrolled()).isEqualTo(3);
            assertThat(t.attended()).isEqualTo(2);
            assertThat(t.partnersJoined()).isEqualTo(1);
        });
        assertThat(programme.byRegion()).extracting(r -> r.region().code() + ":" + r.trainings() + "/" + r.kimsTrained()
                + "/" + r.outputs() + "/" + r.peopleReached()).containsExactly("63:1/2/3/1750", "91:1/0/0/0");
        assertThat(programme.byRegion().getFirst().children()).extracting(r -> r.region().code() + ":" + r.kimsTrained())
                .containsExactly("63.01:1", "63.03:1");
        assertThat(figures.programmes()).extracting(p -> p.programme().id()).containsExactly("p1");
    }

    @Test
    void aWithdrawnOutputCountsNowhere() {
        Views.ProgrammeFigures programme = figures.programme("p1").orElseThrow();
        Views.KimFigures k3 = figures.kim("k3").orElseThrow();

        assertThat(figures.national().outputs()).isEqualTo(new Views.Outputs(3, 1750, Map.of("INSTAGRAM", 1L, "RADIO", 2L)));
        assertThat(figures.region(SEKUMPUL).orElseThrow().outputs().count()).isZero();
        assertThat(figures.national().funnel().reported()).as("k1 and k4; not k3, whose only output was withdrawn").isEqualTo(2);
        assertThat(programme.progress().outputs().actual()).isEqualTo(3);
        assertThat(programme.progress().peopleReached().actual()).isEqualTo(1750);
        assertThat(programme.funnel().reported()).isEqualTo(2);
        assertThat(programme.byRegion().getFirst().children()).extracting(r -> r.region().code() + ":" + r.outputs())
                .containsExactly("63.01:1", "63.03:2");
        assertThat(k3.index().components().get("outputs")).isEqualTo(new Views.Component(0.0, 25, 0, null));
        assertThat(k3.index().lastActivityAt()).as("a withdrawn output is no activity").isEqualTo(NOW.minus(Duration.ofDays(20)));
        assertThat(k3.outputs()).isEmpty();
        assertThat(figures.outputsOf("p1")).extracting(Rows.Output::id).containsExactly("o1", "o2", "o3");
    }

    @Test
    void trainingTimesAreGivenAtTheVenueWithZoneOffsetAndInstant() {
        List<Views.TrainingRow> trainings = figures.programme("p1").orElseThrow().trainings();

        assertThat(trainings).extracting(t -> t.start().local() + " " + t.start().timeZone() + " " + t.start().utcOffset()
                        + " " + t.start().instant())
                .containsExactly("2026-12-15T08:00 WITA +08:00 2026-12-15T00:00:00Z",
                        "2026-12-20T07:00 WIB +07:00 2026-12-20T00:00:00Z",
                        "2026-12-25T09:00 WIT +09:00 2026-12-25T00:00:00Z");
        assertThat(trainings.getFirst().end().local()).hasToString("2026-12-15T14:00");
        assertThat(figures.kim("k1").orElseThrow().trainings().getFirst().start())
                .isEqualTo(trainings.getFirst().start());
    }

    @Test
    void aTrainingWhoseVenueMovedCountsAndShowsItsTimesWhereItNowIs() {
        Rows.Training moved = TestRows.training("t1", "p1", "Martapura", "Gizi", "IN_PERSON", GURABESI, "WITA",
                NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(4)), 3, "COMPLETED",
                List.of(TestRows.invitation("i1", "partner-1", "HEALTH_OFFICE", "JOINED")), List.of());
        Rows.Programme programme = TestRows.programme("p1", "Cegah Stunting", "STUNTING", null, null, null, null,
                List.of("63", "91"), null, null, null, null);
        Figures after = Figures.compute(regions, new Figures.Data(List.of(), List.of(programme), List.of(), List.of(moved),
                List.of()), NOW);
        Views.Time start = after.programme("p1").orElseThrow().trainings().getFirst().start();

        assertThat(after.region("63").orElseThrow().trainings().total()).isZero();
        assertThat(after.region("63").orElseThrow().partners().engaged()).isZero();
        assertThat(after.region("91.71.01").orElseThrow().trainings().total()).isEqualTo(1);
        assertThat(after.region(GURABESI).orElseThrow().partners().engaged()).isEqualTo(1);
        assertThat(figures.region("63").orElseThrow().trainings().total()).as("before the move").isEqualTo(1);
        assertThat(start).as("Papua is on WIT, whatever zone the schedule named")
                .isEqualTo(new Views.Time(LocalDateTime.parse("2026-12-15T09:00"), IndonesianTimeZone.WIT, "+09:00",
                        Instant.parse("2026-12-15T00:00:00Z")));
        assertThat(after.programme("p1").orElseThrow().byRegion()).extracting(r -> r.region().code() + ":" + r.trainings())
                .containsExactly("63:0", "91:1");
    }

    @Test
    void theTrainingsOfAProgrammeNameThePartnersThatJoinedThem() {
        Views.TrainingRow martapura = figures.programme("p1").orElseThrow().trainings().getFirst();

        assertThat(martapura.partners()).containsExactly(
                new Views.JoinedPartner("partner-1", "Dinas Kesehatan Kabupaten Banjar", "HEALTH_OFFICE"));
        assertThat(martapura.partnersJoined()).isEqualTo(1);
    }

    @Test
    void eachKimHasItsDevelopmentIndexAndRegionsTheirAverage() {
        Views.KimFigures k1 = figures.kim("k1").orElseThrow();
        Views.KimFigures k7 = figures.kim("k7").orElseThrow();

        // media 2/3, one training attended, two outputs, active 3 days ago: 16.7 + 8.3 + 10 + 25 = 60
        assertThat(k1.index().score()).isEqualTo(60);
        assertThat(k1.index().components()).containsEntry("outputs", new Views.Component(10.0, 25, 2, null))
                .containsEntry("recency", new Views.Component(25.0, 25, null, 3L));
        assertThat(k1.trainings()).extracting(t -> t.id() + ":" + t.attended()).containsExactly("t1:true");
        assertThat(k1.outputs()).extracting(Views.KimOutput::id).containsExactly("o1", "o2");
        assertThat(k1.kim().path()).extracting(Views.Place::code).containsExactly("63", "63.03", "63.03.05");
        assertThat(k7.index().score()).as("DISSOLVED").isZero();
        assertThat(figures.national().index().bands().values().stream().mapToLong(Long::longValue).sum())
                .as("the DISSOLVED KIM is left out").isEqualTo(6);
        assertThat(figures.kim("nobody")).isEmpty();
    }

    @Test
    void theSameRowsGiveTheSameFingerprintAndAChangeAnother() {
        Figures again = Figures.compute(regions, new Figures.Data(List.of(kim("k1", KERATON, "ACTIVE", List.of(), List.of())),
                List.of(), List.of(), List.of(), List.of()), NOW);
        Figures same = Figures.compute(regions, new Figures.Data(List.of(kim("k1", KERATON, "ACTIVE", List.of(), List.of())),
                List.of(), List.of(), List.of(), List.of()), NOW.plusSeconds(60));
        Figures other = Figures.compute(regions, new Figures.Data(List.of(kim("k1", KERATON, "VERIFIED", List.of(), List.of())),
                List.of(), List.of(), List.of(), List.of()), NOW);

        assertThat(same.fingerprint()).isEqualTo(again.fingerprint());
        assertThat(other.fingerprint()).isNotEqualTo(again.fingerprint());
    }

    private static Rows.Kim kim(String id, String village, String status, List<String> focus, List<String> media) {
        return TestRows.kim(id, "KIM " + id, village, status, focus, media, NOW.minus(Duration.ofDays(40)),
                NOW.minus(Duration.ofDays(20)));
    }

    /** A scheduled training of programme p1 with its venue at {@code venue}, of any level. */
    private static Rows.Training training(String id, String venue) {
        return TestRows.training(id, "p1", "Pelatihan " + id, "Gizi", "IN_PERSON", venue, "WITA", NOW.plus(Duration.ofDays(5)),
                NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(3)), 20, "SCHEDULED", List.of(), List.of());
    }

    private static Rows.Output output(String id, String kim, String village, String channel, String publishedOn,
                                      long reached, Instant reportedAt, boolean withdrawn) {
        return TestRows.output(id, "p1", "t1", kim, village, channel, "https://example.org/" + id, publishedOn, reached,
                reportedAt, withdrawn);
    }

    private static Rows.Enrolment enrolment(String id, String kim, String village, String status, boolean attended) {
        return TestRows.enrolment(id, kim, village, status, attended, attended ? NOW.minus(Duration.ofDays(3)) : null);
    }
}
