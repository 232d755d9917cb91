package id.simpul.training.seed;

import id.simpul.platform.Actor;
import id.simpul.training.common.TrainingClock;
import id.simpul.regions.IndonesianTimeZone;
import id.simpul.training.kimview.KimDirectory;
import id.simpul.training.output.Channel;
import id.simpul.training.output.OutputId;
import id.simpul.training.output.OutputService;
import id.simpul.training.partner.ContactPerson;
import id.simpul.training.partner.PartnerId;
import id.simpul.training.partner.PartnerService;
import id.simpul.training.partner.PartnerType;
import id.simpul.training.programme.Organiser;
import id.simpul.training.programme.ProgrammeId;
import id.simpul.training.programme.ProgrammeService;
import id.simpul.training.programme.Targets;
import id.simpul.training.session.EnrolmentId;
import id.simpul.training.session.Material;
import id.simpul.training.session.Participant;
import id.simpul.training.session.Speaker;
import id.simpul.training.session.Training;
import id.simpul.training.session.TrainingId;
import id.simpul.training.session.TrainingMode;
import id.simpul.training.session.TrainingService;
import id.simpul.training.session.Venue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sample data for ./simpul start ({@code simpul.seed.training=true}): the national stunting campaign of the source
 * article with the health office of Kabupaten Banjar as partner, a training in Martapura (WITA) that took place
 * three days ago with its enrolments, waitlist, attendance, certificates and outputs, and one in Jayapura (WIT) two
 * weeks ahead. It uses the seed KIMs of registry-service once training-service has heard of them, and runs once.
 */
@Component
class SeedStuntingCampaign {

    private static final Logger log = LoggerFactory.getLogger(SeedStuntingCampaign.class);
    private static final String DONE = "seed_runs";
    private static final String RUN = "stunting-campaign-2026";

    private final boolean enabled;
    private final ProgrammeService programmes;
    private final PartnerService partners;
    private final TrainingService trainings;
    private final OutputService outputs;
    private final KimDirectory kims;
    private final MongoOperations mongo;
    private final Clock clock;

    SeedStuntingCampaign(@Value("${simpul.seed.training:false}") boolean enabled, ProgrammeService programmes,
                         PartnerService partners, TrainingService trainings, OutputService outputs, KimDirectory kims,
                         MongoOperations mongo, TrainingClock trainingClock) {
        this.enabled = enabled;
        this.programmes = programmes;
        this.partners = partners;
        this.trainings = trainings;
        this.outputs = outputs;
        this.kims = kims;
        this.mongo = mongo;
        this.clock = trainingClock.clock();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled && mongo.findById(RUN, Document.class, DONE) == null) {
            Thread.ofVirtual().name("seed-stunting-campaign").start(this::runWhenKimsAreKnown);
        }
    }

    /** The seed KIMs the campaign enrols, by their registry seed keys (see seeds/kims.json). */
    private static final List<String> MARTAPURA_KIMS = List.of("banjar-keraton", "banjar-sekumpul", "banjar-sungai-paring",
            "banjar-kiram", "tanahlaut-takisung", "tanahlaut-tabanio", "banjarmasin-kuripan");

    private void runWhenKimsAreKnown() {
        Instant giveUp = clock.instant().plus(Duration.ofMinutes(3));
        List<String> needed = new ArrayList<>(MARTAPURA_KIMS);
        needed.add("jayapura-gurabesi");
        while (!needed.stream().allMatch(key -> kims.find(kimId(key)).filter(KimDirectory.KnownKim::mayEnrol).isPresent())) {
            if (clock.instant().isAfter(giveUp)) {
                log.warn("Seed campaign skipped: the seed KIMs of registry-service did not arrive within 3 minutes");
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            // Simpul itself loads its sample data: the events say so (ce_actorid simpul:seed).
            Actor.as(Actor.system("seed"), this::run);
            mongo.insert(new Document("_id", RUN).append("at", java.util.Date.from(clock.instant())), DONE);
            log.info("Seed campaign loaded: the stunting programme with trainings in Martapura (WITA) and Jayapura (WIT)");
        } catch (RuntimeException e) {
            log.error("Seed campaign failed; it is tried again at the next start", e);
        }
    }

    private void run() {
        ProgrammeId programme = new ProgrammeId(id("programme"));
        if (programmes.find(programme).isEmpty()) {
            // Eighteen months from the first of January of the year the seed's past training lies in.
            int year = LocalDate.now(clock.withZone(IndonesianTimeZone.WIB.zone())).minusMonths(1).getYear();
            programmes.create(programme, "Gerakan KIM Cegah Stunting " + year, "STUNTING",
                    new Organiser(Organiser.Level.MINISTRY, null, "Direktorat Tata Kelola Kemitraan Komunikasi Publik, Komdigi"),
                    LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 6, 30), List.of("63", "91"), new Targets(4, 12, 40, 20_000));
        }
        PartnerId dinkes = new PartnerId(id("partner-dinkes-banjar"));
        if (partners.find(dinkes).isEmpty()) {
            partners.register(dinkes, "Dinas Kesehatan Kabupaten Banjar", PartnerType.HEALTH_OFFICE, "63.03",
                    List.of(new ContactPerson("dr. Nurul Hidayah", "Kepala Seksi Kesehatan Keluarga dan Gizi", "+62 511-4721-300",
                            "gizi@dinkes-banjar.example")));
        }
        PartnerId puskesmas = new PartnerId(id("partner-puskesmas-abepura"));
        if (partners.find(puskesmas).isEmpty()) {
            partners.register(puskesmas, "Puskesmas Abepura", PartnerType.HEALTH_FACILITY, "91.71",
                    List.of(new ContactPerson("Bidan Maria Kambu", "Bidan koordinator", "+62 967-581-220", null)));
        }
        martapura(programme, dinkes);
        jayapura(programme, puskesmas);
    }

    /**
     * A training that took place three days ago in Martapura, 09:00 to 14:00 WITA: full, one withdrew, attendance,
     * certificates, outputs. Each step is recorded at the time it happened: planned two weeks before, attendance
     * and completion at its end.
     */
    private void martapura(ProgrammeId programme, PartnerId dinkes) {
        TrainingId id = new TrainingId(id("training-martapura"));
        if (trainings.find(id).isPresent()) {
            return;
        }
        LocalDateTime start = LocalDate.now(clock.withZone(IndonesianTimeZone.WITA.zone())).minusDays(3).atTime(9, 0);
        Instant startInstant = start.atZone(IndonesianTimeZone.WITA.zone()).toInstant();
        TrainingService before = trainings.asOf(Clock.fixed(startInstant.minus(Duration.ofDays(14)), clock.getZone()));
        TrainingService after = trainings.asOf(Clock.fixed(startInstant.plus(Duration.ofHours(5)), clock.getZone()));
        before.draft(id, new TrainingService.Plan(programme, "Pembekalan KIM: Cegah Stunting di Kabupaten Banjar",
                "Stunting: gizi ibu hamil, ASI eksklusif dan 1000 hari pertama kehidupan", TrainingMode.IN_PERSON,
                new Venue("63.03.05.1001", "Aula Kantor Kecamatan Martapura, Jl. A. Yani Km 39", null), null, start,
                start.plusHours(5), 6, null, List.of(new Material("Materi Dinas Kesehatan: Cegah Stunting",
                "https://dinkes-banjar.example/materi/cegah-stunting.pdf"))));
        before.schedule(id, null);
        Training training = before.invite(id, dinkes);
        before.accept(training.invitations().getLast().id(), List.of(
                new Speaker("dr. Nurul Hidayah", "Dokter, Dinas Kesehatan", "nurul.hidayah@dinkes-banjar.example"),
                new Speaker("Rahmawati, S.Gz.", "Ahli gizi, Puskesmas Martapura 1", null)));
        String[][] participants = {{"banjar-keraton", "Siti Rahmah"}, {"banjar-sekumpul", "Muhammad Noor"},
                {"banjar-sungai-paring", "Dewi Lestari"}, {"banjar-kiram", "Budi Santoso"}, {"tanahlaut-takisung", "Nur Aisyah"},
                {"tanahlaut-tabanio", "Ahmad Rifani"}, {"banjarmasin-kuripan", "Rina Marlina"}};
        List<EnrolmentId> enrolled = new ArrayList<>();
        for (String[] p : participants) {
            enrolled.add(before.enrol(id, kimId(p[0]), new Participant(p[1], "Pengurus KIM")).enrolment().id());
        }
        // Tabanio's participant could not come; the waiting Kuripan participant took the seat.
        before.withdraw(enrolled.get(5));
        after.recordAttendance(id, List.of(enrolled.get(0), enrolled.get(1), enrolled.get(2), enrolled.get(4), enrolled.get(6)));
        after.complete(id, null);
        LocalDate day = start.toLocalDate();
        Object[][] reported = {{"banjar-keraton", Channel.INSTAGRAM, "https://instagram.com/p/kimkeraton-cegah-stunting", 1450L},
                {"banjar-keraton", Channel.FACE_TO_FACE, null, 85L}, {"banjar-sekumpul", Channel.YOUTUBE,
                "https://youtube.com/watch?v=kimsekumpul-stunting", 3200L}, {"tanahlaut-takisung", Channel.RADIO, null, 2500L}};
        for (int i = 0; i < reported.length; i++) {
            Object[] r = reported[i];
            try {
                outputs.report(new OutputId(id("output-" + i)), programme, new OutputService.Dissemination(kimId((String) r[0]),
                        id.value(), (Channel) r[1], (String) r[2], day.plusDays(i % 3), (Long) r[3], "Sosialisasi cegah stunting setelah pembekalan"));
            } catch (RuntimeException notYet) {
                log.warn("Seed output {} skipped: {}", i, notYet.getMessage());
            }
        }
    }

    /** A training two weeks ahead in Jayapura (WIT), scheduled, with the Puskesmas invited and one KIM enrolled. */
    private void jayapura(ProgrammeId programme, PartnerId puskesmas) {
        TrainingId id = new TrainingId(id("training-jayapura"));
        if (trainings.find(id).isPresent()) {
            return;
        }
        LocalDateTime start = LocalDate.now(clock.withZone(IndonesianTimeZone.WIT.zone())).plusDays(14).atTime(9, 0);
        trainings.draft(id, new TrainingService.Plan(programme, "Pembekalan KIM: Cegah Stunting di Kota Jayapura",
                "Stunting dan air bersih, sanitasi, posyandu", TrainingMode.HYBRID,
                new Venue("91.71.01", "Aula Distrik Jayapura Utara", "https://meet.example/kim-jayapura-stunting"), null, start,
                start.plusHours(4), 30, start.minusDays(2), List.of()));
        trainings.schedule(id, null);
        trainings.invite(id, puskesmas);
        trainings.enrol(id, kimId("jayapura-gurabesi"), new Participant("Yohanes Wenda", "Ketua KIM"));
    }

    /** The id registry-service gives a seed KIM (see its seed loader). */
    static String kimId(String key) {
        return UUID.nameUUIDFromBytes(("simpul-seed-kim:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("simpul-seed-training:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
