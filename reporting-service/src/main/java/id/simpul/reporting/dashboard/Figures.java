package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.Rows;
import id.simpul.regions.IndonesianTimeZone;
import id.simpul.regions.Region;
import id.simpul.regions.RegionCode;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of the read models, kept up change by change: the tallies of the country, every province, regency and
 * district with data (villages are counted on request, from their district's rows), every programme's progress and
 * every KIM's development index. A changed row is counted out of the tallies it was counted in and counted in again
 * with its new value, and only what it touches is computed again: the KIMs whose index it moves, the programmes it
 * belongs to. So a change costs what it touches, not what is held; {@link #compute} counts every row from nothing,
 * which is the rebuild's path and the check that both give the same figures.
 * <p>
 * Thread-safe: changes are applied under a write lock and every answer is built under a read lock, so the figures of
 * one answer agree with each other. The development index counts the days since a KIM's last activity up to the
 * moment the figures were first computed ({@link #scoredAt}); the service computes them afresh periodically.
 */
final class Figures {

    static final String NATIONAL = "";
    private static final String UNKNOWN_THEME = "UNKNOWN";

    /** The read-model rows the figures are computed from. */
    record Data(Collection<Rows.Kim> kims, Collection<Rows.Programme> programmes, Collection<Rows.Partner> partners,
                Collection<Rows.Training> trainings, Collection<Rows.Output> outputs) {
    }

    /** An enrolment with its training. */
    record Seat(Rows.Training training, Rows.Enrolment enrolment) {

        String key() {
            return training.id() + "/" + enrolment.id();
        }
    }

    /**
     * One row that changed, as it counted before and as it counts now: a {@link Rows} record of one kind, or null
     * where it counted nowhere (not yet created).
     */
    record Change(Object before, Object after) {
    }

    /** What a KIM was counted in with, so that it is counted out with exactly the same. */
    private record CountedKim(Rows.Kim kim, boolean eligible, DevelopmentIndex.Score score) {
    }

    private final RegionDataset regions;
    private final Instant scoredAt;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private Instant computedAt;
    private long version;
    private final Map<String, Rows.Kim> kims = new HashMap<>();
    private final Map<String, Rows.Programme> programmes = new TreeMap<>();
    private final Map<String, Rows.Partner> partners = new HashMap<>();
    private final Map<String, Rows.Training> trainings = new HashMap<>();
    private final Map<String, Tally> tallies = new HashMap<>();
    private final Map<String, CountedKim> counted = new HashMap<>();
    private final Map<String, String> countedThemes = new HashMap<>();
    private final Map<String, Long> targetRegions = new HashMap<>();
    private final Map<String, Map<String, Rows.Kim>> kimsByDistrict = new HashMap<>();
    private final Map<String, Map<String, Seat>> seatsByDistrict = new HashMap<>();
    private final Map<String, Map<String, Rows.Training>> trainingsByVenueDistrict = new HashMap<>();
    private final Map<String, Map<String, Rows.Output>> outputsByDistrict = new HashMap<>();
    private final Map<String, Map<String, Seat>> seatsByKim = new HashMap<>();
    private final Map<String, Map<String, Rows.Output>> outputsByKim = new HashMap<>();
    private final Map<String, Map<String, Rows.Training>> trainingsByProgramme = new HashMap<>();
    private final Map<String, Map<String, Rows.Output>> outputsByProgramme = new HashMap<>();
    private final Map<String, Views.ProgrammeFigures> programmeFigures = new TreeMap<>();

    private Figures(RegionDataset regions, Instant now) {
        this.regions = regions;
        this.scoredAt = now;
        this.computedAt = now;
    }

    /** Counts every row from nothing: the full path. */
    static Figures compute(RegionDataset regions, Data data, Instant now) {
        Figures figures = new Figures(regions, now);
        List<Change> all = new ArrayList<>();
        // Programmes first, so that the KIMs are counted with the target regions already known (any order gives the
        // same figures; this one counts each row once).
        data.programmes().forEach(row -> all.add(new Change(null, row)));
        data.partners().forEach(row -> all.add(new Change(null, row)));
        data.kims().forEach(row -> all.add(new Change(null, row)));
        data.trainings().forEach(row -> all.add(new Change(null, row)));
        data.outputs().forEach(row -> all.add(new Change(null, row)));
        figures.apply(all, now);
        return figures;
    }

    /**
     * Applies changed rows; returns whether any figure may have moved (false when every change left its row as it
     * was). Each change must name a row as it was last applied here (or null for one not applied yet).
     */
    boolean apply(Collection<Change> changes, Instant now) {
        lock.writeLock().lock();
        try {
            Set<String> dirty = new HashSet<>();
            Set<String> funnels = new HashSet<>();
            boolean moved = false;
            for (Change change : changes) {
                if (Objects.equals(change.before(), change.after())) {
                    continue;
                }
                moved = true;
                Object row = change.after() != null ? change.after() : change.before();
                switch (row) {
                    case Rows.Kim kim -> kim((Rows.Kim) change.before(), (Rows.Kim) change.after(), funnels);
                    case Rows.Training training -> training((Rows.Training) change.before(), (Rows.Training) change.after(), dirty);
                    case Rows.Output output -> output((Rows.Output) change.before(), (Rows.Output) change.after(), dirty);
                    case Rows.Programme programme -> programme((Rows.Programme) change.before(), (Rows.Programme) change.after(), dirty);
                    case Rows.Partner partner -> partner(partner.id(), (Rows.Partner) change.after(), dirty);
                    default -> throw new IllegalArgumentException("Not a read-model row: " + row);
                }
            }
            for (String id : dirty) {
                Rows.Programme programme = programmes.get(id);
                if (programme == null) {
                    programmeFigures.remove(id);
                } else {
                    programmeFigures.put(id, programme(programme));
                }
            }
            // A KIM that came to or left the KIMs that may enrol in a programme's regions moves only its funnel.
            funnels.removeAll(dirty);
            for (String id : funnels) {
                Views.ProgrammeFigures held = programmeFigures.get(id);
                Rows.Programme programme = programmes.get(id);
                if (held != null && programme != null) {
                    Views.Funnel funnel = held.funnel();
                    programmeFigures.put(id, new Views.ProgrammeFigures(held.programme(), held.progress(), held.participants(),
                            held.partners(), held.outputs(), new Views.Funnel(eligible(programme), funnel.enrolled(),
                            funnel.attended(), funnel.reported()), held.trainings(), held.byRegion(), held.updatedAt()));
                }
            }
            computedAt = now;
            if (moved) {
                version++;
            }
            return moved;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Counts up with every applied change that moved a row. */
    long version() {
        return read(() -> version);
    }

    Instant computedAt() {
        return read(() -> computedAt);
    }

    /** Equal for two sets of figures that show the same numbers everywhere (apart from when they were computed). */
    long fingerprint() {
        return read(() -> {
            if (tallies.values().stream().allMatch(t -> view(t).equals(view(new Tally()))) && programmeFigures.isEmpty()) {
                return 0L;
            }
            long hash = 17;
            for (Map.Entry<String, Tally> entry : new TreeMap<>(tallies).entrySet()) {
                if (!view(entry.getValue()).equals(view(new Tally()))) {
                    hash = 31 * hash + Objects.hash(entry.getKey(), view(entry.getValue()));
                }
            }
            for (Views.ProgrammeFigures figures : programmeFigures.values()) {
                hash = 31 * hash + Objects.hash(figures.programme(), figures.progress(), figures.participants(), figures.partners(),
                        figures.outputs(), figures.funnel(), figures.trainings(), figures.byRegion());
            }
            return hash;
        });
    }

    private <T> T read(java.util.function.Supplier<T> answer) {
        lock.readLock().lock();
        try {
            return answer.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- changes

    private void kim(Rows.Kim before, Rows.Kim after, Set<String> funnels) {
        String id = (after != null ? after : before).id();
        uncountKim(id);
        if (before != null) {
            remove(kimsByDistrict, district(before.villageCode()), id);
            kims.remove(id);
        }
        if (after != null) {
            kims.put(id, after);
            add(kimsByDistrict, district(after.villageCode()), id, after);
        }
        countKim(id);
        // A programme's funnel counts the KIMs that may enrol in its target regions.
        for (Rows.Programme programme : programmes.values()) {
            boolean was = before != null && before.mayEnrol() && programme.covers(before.villageCode());
            boolean is = after != null && after.mayEnrol() && programme.covers(after.villageCode());
            if (was != is) {
                funnels.add(programme.id());
            }
        }
    }

    private void training(Rows.Training before, Rows.Training after, Set<String> dirty) {
        Set<String> touched = new HashSet<>();
        for (Rows.Training training : new Rows.Training[] {before, after}) {
            if (training != null) {
                training.enrolments().stream().filter(e -> e.villageCode() != null).forEach(e -> touched.add(e.kimId()));
                dirty.add(training.programmeId());
            }
        }
        touched.forEach(this::uncountKim);
        if (before != null) {
            uncountTraining(before);
        }
        if (after != null) {
            countTraining(after);
        }
        touched.forEach(this::countKim);
    }

    private void output(Rows.Output before, Rows.Output after, Set<String> dirty) {
        Set<String> touched = new HashSet<>();
        for (Rows.Output output : new Rows.Output[] {before, after}) {
            if (output != null) {
                touched.add(output.kimId());
                dirty.add(output.programmeId());
            }
        }
        touched.forEach(this::uncountKim);
        if (before != null && !before.isWithdrawn()) {
            countOutput(before, -1);
        }
        // A withdrawn output counts nowhere, not even as the KIM's activity.
        if (after != null && !after.isWithdrawn()) {
            countOutput(after, 1);
        }
        touched.forEach(this::countKim);
    }

    private void programme(Rows.Programme before, Rows.Programme after, Set<String> dirty) {
        String id = (after != null ? after : before).id();
        dirty.add(id);
        // Its trainings are counted under its theme, and the funnel counts KIMs in any programme's target regions.
        List<Rows.Training> own = List.copyOf(values(trainingsByProgramme, id));
        own.forEach(this::uncountTrainingOnly);
        Set<String> targetsBefore = Set.copyOf(targetRegions.keySet());
        Map<String, Long> targetsAfter = new HashMap<>(targetRegions);
        if (before != null) {
            before.targetRegions().forEach(code -> targetsAfter.merge(code, -1L, (a, b) -> a + b == 0 ? null : a + b));
        }
        if (after != null) {
            after.targetRegions().forEach(code -> targetsAfter.merge(code, 1L, Long::sum));
        }
        Set<String> moved = new HashSet<>(targetsBefore);
        moved.addAll(targetsAfter.keySet());
        moved.removeIf(code -> targetsBefore.contains(code) && targetsAfter.containsKey(code));
        List<String> touched = moved.isEmpty() ? List.of() : kims.values().stream()
                .filter(k -> k.mayEnrol() && inAny(k.villageCode(), moved)).map(Rows.Kim::id).toList();
        touched.forEach(this::uncountKim);
        targetRegions.clear();
        targetRegions.putAll(targetsAfter);
        if (after == null) {
            programmes.remove(id);
        } else {
            programmes.put(id, after);
        }
        touched.forEach(this::countKim);
        own.forEach(this::countTrainingOnly);
    }

    private void partner(String id, Rows.Partner after, Set<String> dirty) {
        if (after == null) {
            partners.remove(id);
        } else {
            partners.put(id, after);
        }
        // Its name shows in the training rows of the programmes it joined.
        for (Rows.Training training : trainings.values()) {
            if (training.invitations().stream().anyMatch(i -> id.equals(i.partnerId()))) {
                dirty.add(training.programmeId());
            }
        }
    }

    // ---- counting

    private void countKim(String id) {
        Rows.Kim kim = kims.get(id);
        if (kim == null) {
            return;
        }
        CountedKim entry = new CountedKim(kim, kim.mayEnrol() && inAny(kim.villageCode(), targetRegions.keySet()), score(kim));
        counted.put(id, entry);
        for (Tally tally : talliesAbove(kim.villageCode())) {
            tally.kim(kim, entry.eligible(), entry.score(), 1);
        }
    }

    private void uncountKim(String id) {
        CountedKim entry = counted.remove(id);
        if (entry != null) {
            for (Tally tally : talliesAbove(entry.kim().villageCode())) {
                tally.kim(entry.kim(), entry.eligible(), entry.score(), -1);
            }
        }
    }

    private DevelopmentIndex.Score score(Rows.Kim kim) {
        Set<String> attended = new HashSet<>();
        Instant last = kim.lastActivityAt();
        for (Seat seat : values(seatsByKim, kim.id())) {
            if (seat.enrolment().present() && !seat.training().cancelled()) {
                attended.add(seat.training().id());
                last = latest(last, seat.enrolment().attendedAt());
            }
        }
        Collection<Rows.Output> outputs = values(outputsByKim, kim.id());
        for (Rows.Output output : outputs) {
            last = latest(last, output.reportedAt());
        }
        return DevelopmentIndex.of(kim.status(), kim.mediaTypes().size(), attended.size(), outputs.size(), last, scoredAt);
    }

    private void countTraining(Rows.Training training) {
        trainings.put(training.id(), training);
        add(trainingsByProgramme, training.programmeId(), training.id(), training);
        add(trainingsByVenueDistrict, venueDistrict(training), training.id(), training);
        countTrainingOnly(training);
        for (Rows.Enrolment enrolment : training.enrolments()) {
            if (enrolment.villageCode() == null) {
                continue;
            }
            Seat seat = new Seat(training, enrolment);
            add(seatsByDistrict, district(enrolment.villageCode()), seat.key(), seat);
            add(seatsByKim, enrolment.kimId(), seat.key(), seat);
            for (Tally tally : talliesAbove(enrolment.villageCode())) {
                tally.enrolment(training, enrolment, 1);
            }
        }
    }

    private void uncountTraining(Rows.Training training) {
        uncountTrainingOnly(training);
        for (Rows.Enrolment enrolment : training.enrolments()) {
            if (enrolment.villageCode() == null) {
                continue;
            }
            Seat seat = new Seat(training, enrolment);
            remove(seatsByDistrict, district(enrolment.villageCode()), seat.key());
            remove(seatsByKim, enrolment.kimId(), seat.key());
            for (Tally tally : talliesAbove(enrolment.villageCode())) {
                tally.enrolment(training, enrolment, -1);
            }
        }
        remove(trainingsByProgramme, training.programmeId(), training.id());
        remove(trainingsByVenueDistrict, venueDistrict(training), training.id());
        trainings.remove(training.id());
    }

    /** Counts a training itself (under its programme's theme) and its joined partners at its venue. */
    private void countTrainingOnly(Rows.Training training) {
        String theme = theme(training);
        countedThemes.put(training.id(), theme);
        countTrainingAs(training, theme, 1);
    }

    private void uncountTrainingOnly(Rows.Training training) {
        String theme = countedThemes.remove(training.id());
        if (theme != null) {
            countTrainingAs(training, theme, -1);
        }
    }

    private void countTrainingAs(Rows.Training training, String theme, int sign) {
        for (Tally tally : talliesAbove(training.venueRegionCode())) {
            tally.training(training, theme, sign);
            for (Rows.Invitation invitation : training.invitations()) {
                if ("JOINED".equals(invitation.status())) {
                    tally.partner(invitation, sign);
                }
            }
        }
    }

    private void countOutput(Rows.Output output, int sign) {
        if (sign > 0) {
            add(outputsByDistrict, district(output.villageCode()), output.id(), output);
            add(outputsByKim, output.kimId(), output.id(), output);
            add(outputsByProgramme, output.programmeId(), output.id(), output);
        } else {
            remove(outputsByDistrict, district(output.villageCode()), output.id());
            remove(outputsByKim, output.kimId(), output.id());
            remove(outputsByProgramme, output.programmeId(), output.id());
        }
        for (Tally tally : talliesAbove(output.villageCode())) {
            tally.output(output, sign);
        }
    }

    /** Counts rows into the tallies {@code target} names for a village or venue code (the villages of a district). */
    private void count(Collection<Rows.Kim> kimRows, Collection<Rows.Training> trainingRows, Collection<Seat> seats,
                       Collection<Rows.Output> outputRows, Function<String, List<Tally>> target) {
        for (Rows.Kim kim : kimRows) {
            CountedKim entry = counted.get(kim.id());
            for (Tally tally : target.apply(kim.villageCode())) {
                tally.kim(kim, entry.eligible(), entry.score(), 1);
            }
        }
        for (Rows.Training training : trainingRows) {
            for (Tally tally : target.apply(training.venueRegionCode())) {
                tally.training(training, countedThemes.get(training.id()), 1);
                for (Rows.Invitation invitation : training.invitations()) {
                    if ("JOINED".equals(invitation.status())) {
                        tally.partner(invitation, 1);
                    }
                }
            }
        }
        for (Seat seat : seats) {
            for (Tally tally : target.apply(seat.enrolment().villageCode())) {
                tally.enrolment(seat.training(), seat.enrolment(), 1);
            }
        }
        for (Rows.Output output : outputRows) {
            for (Tally tally : target.apply(output.villageCode())) {
                tally.output(output, 1);
            }
        }
    }

    /** The tallies of the country and of the province, regency and district a code lies in (down to itself). */
    private List<Tally> talliesAbove(String code) {
        List<Tally> above = new ArrayList<>(4);
        above.add(tallies.computeIfAbsent(NATIONAL, c -> new Tally()));
        if (code != null) {
            for (RegionCode region : new RegionCode(code).atOrAbove(RegionLevel.DISTRICT).selfAndAncestors().reversed()) {
                above.add(tallies.computeIfAbsent(region.value(), c -> new Tally()));
            }
        }
        return above;
    }

    /**
     * The KIMs that may enrol in a programme's target regions, from the tallies: each target region counted once
     * (one inside another counts with it), a target village from its district's rows.
     */
    private long eligible(Rows.Programme programme) {
        List<String> targets = programme.targetRegions().stream().distinct().toList();
        long eligible = 0;
        int verified = KimStatuses.ALL.indexOf("VERIFIED");
        int active = KimStatuses.ALL.indexOf("ACTIVE");
        for (String code : targets) {
            if (targets.stream().anyMatch(other -> !other.equals(code) && code.startsWith(other))) {
                continue;
            }
            RegionCode region = new RegionCode(code);
            if (region.isVillage()) {
                eligible += values(kimsByDistrict, district(code)).stream()
                        .filter(k -> k.mayEnrol() && k.villageCode().equals(code)).count();
            } else {
                Tally tally = tallies.get(code);
                eligible += tally == null ? 0 : tally.kimsByStatus[verified] + tally.kimsByStatus[active];
            }
        }
        return eligible;
    }

    private Views.ProgrammeFigures programme(Rows.Programme programme) {
        Tally tally = new Tally();
        List<Rows.Training> programmeTrainings = values(trainingsByProgramme, programme.id()).stream()
                .sorted(Comparator.comparing(Rows.Training::start, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Rows.Training::id))
                .toList();
        List<Rows.Output> programmeOutputs = List.copyOf(values(outputsByProgramme, programme.id()));
        long planned = 0;
        long completed = 0;
        Set<String> trained = new HashSet<>();
        List<Views.TrainingRow> rows = new ArrayList<>();
        for (Rows.Training training : programmeTrainings) {
            tally.training(training, theme(training), 1);
            if (training.described() && !training.cancelled()) {
                planned++;
            }
            if (training.completed()) {
                completed++;
            }
            List<Views.JoinedPartner> joined = new ArrayList<>();
            for (Rows.Invitation invitation : training.invitations()) {
                if ("JOINED".equals(invitation.status())) {
                    tally.partner(invitation, 1);
                    joined.add(joinedPartner(invitation));
                }
            }
            long seated = 0;
            long waiting = 0;
            long present = 0;
            for (Rows.Enrolment enrolment : training.enrolments()) {
                tally.enrolment(training, enrolment, 1);
                seated += enrolment.seated() ? 1 : 0;
                waiting += "WAITLISTED".equals(enrolment.status()) ? 1 : 0;
                present += enrolment.present() ? 1 : 0;
                if (training.completed() && enrolment.present()) {
                    trained.add(enrolment.kimId());
                }
            }
            if (training.described()) {
                joined.sort(Comparator.comparing(Views.JoinedPartner::id));
                rows.add(new Views.TrainingRow(training.id(), training.title(), training.status(), place(training.venueRegionCode()),
                        time(training, training.start()), time(training, training.end()), training.capacity(), seated,
                        waiting, present, joined.size(), joined));
            }
        }
        programmeOutputs.forEach(output -> tally.output(output, 1));
        long eligible = eligible(programme);
        Views.Funnel funnel = tally.funnel();
        Views.Progress progress = new Views.Progress(
                Views.Target.of(planned, programme.targetTrainings()),
                Views.Target.of(completed, programme.targetTrainings()),
                Views.Target.of(trained.size(), programme.targetKimsTrained()),
                Views.Target.of(tally.outputs, programme.targetOutputs()),
                Views.Target.of(tally.reach, programme.targetPeopleReached()));
        List<Views.RegionProgress> byRegion = programme.targetRegions().stream()
                .map(code -> regionProgress(code, programmeTrainings, programmeOutputs, true))
                .toList();
        return new Views.ProgrammeFigures(info(programme), progress, tally.participants(), tally.partners(),
                tally.outputFigures(), new Views.Funnel(eligible, funnel.enrolled(), funnel.attended(), funnel.reported()),
                rows, byRegion, computedAt);
    }

    private Views.RegionProgress regionProgress(String code, List<Rows.Training> programmeTrainings,
                                                List<Rows.Output> programmeOutputs, boolean withChildren) {
        RegionCode scope = new RegionCode(code);
        long trainingsThere = programmeTrainings.stream().filter(t -> t.described() && !t.cancelled()
                && t.venueRegionCode() != null && lies(t.venueRegionCode(), scope)).count();
        Set<String> trained = new HashSet<>();
        for (Rows.Training training : programmeTrainings) {
            if (training.completed()) {
                training.enrolments().stream()
                        .filter(e -> e.present() && e.villageCode() != null && lies(e.villageCode(), scope))
                        .forEach(e -> trained.add(e.kimId()));
            }
        }
        List<Rows.Output> outputsThere = programmeOutputs.stream().filter(o -> lies(o.villageCode(), scope)).toList();
        List<Views.RegionProgress> children = null;
        Region region = regions.find(code).orElse(null);
        if (withChildren && region != null && region.level() != RegionLevel.VILLAGE) {
            children = regions.children(code).stream()
                    .map(child -> regionProgress(child.code(), programmeTrainings, programmeOutputs, false))
                    .filter(p -> p.trainings() + p.kimsTrained() + p.outputs() > 0)
                    .toList();
        }
        return new Views.RegionProgress(place(code), trainingsThere, trained.size(), outputsThere.size(),
                outputsThere.stream().mapToLong(Rows.Output::peopleReached).sum(), children);
    }

    // ---- answers

    Views.RegionFigures national() {
        return read(() -> regionFigures(null, tallies.getOrDefault(NATIONAL, new Tally()), regions.children(null)));
    }

    /** The figures of a region the dataset knows; empty for an unknown code. */
    Optional<Views.RegionFigures> region(String code) {
        return read(() -> regionNow(code));
    }

    private Optional<Views.RegionFigures> regionNow(String code) {
        Region region = regions.find(code).orElse(null);
        if (region == null) {
            return Optional.empty();
        }
        if (region.level() == RegionLevel.VILLAGE) {
            Tally village = villageTallies(district(code)).getOrDefault(code, new Tally());
            return Optional.of(regionFigures(region, village, List.of()));
        }
        return Optional.of(regionFigures(region, tallies.getOrDefault(code, new Tally()), regions.children(code)));
    }

    List<Views.ProgrammeSummary> programmes() {
        return read(() -> programmeFigures.values().stream()
                .map(f -> new Views.ProgrammeSummary(f.programme(), f.progress()))
                .toList());
    }

    /** A programme's figures, as of the last change applied anywhere (they were computed when it last touched them). */
    Optional<Views.ProgrammeFigures> programme(String id) {
        return read(() -> Optional.ofNullable(programmeFigures.get(id)).map(f -> new Views.ProgrammeFigures(f.programme(),
                f.progress(), f.participants(), f.partners(), f.outputs(), f.funnel(), f.trainings(), f.byRegion(), computedAt)));
    }

    Optional<Views.KimFigures> kim(String id) {
        return read(() -> kimNow(id));
    }

    private Optional<Views.KimFigures> kimNow(String id) {
        Rows.Kim kim = kims.get(id);
        if (kim == null) {
            return Optional.empty();
        }
        DevelopmentIndex.Score score = counted.get(id).score();
        Map<String, Views.Component> components = new LinkedHashMap<>();
        components.put("media", new Views.Component(score.media(), DevelopmentIndex.COMPONENT_MAX, score.mediaCount(), null));
        components.put("trainings", new Views.Component(score.trainings(), DevelopmentIndex.COMPONENT_MAX, score.trainingCount(), null));
        components.put("outputs", new Views.Component(score.outputs(), DevelopmentIndex.COMPONENT_MAX, score.outputCount(), null));
        components.put("recency", new Views.Component(score.recency(), DevelopmentIndex.COMPONENT_MAX, null, score.days()));
        List<Region> path = regions.path(kim.villageCode());
        Views.KimInfo info = new Views.KimInfo(kim.id(), kim.name(), kim.status(), kim.focusAreas(), kim.mediaTypes(),
                place(kim.villageCode()), path.stream().limit(Math.max(0, path.size() - 1)).map(Views.Place::of).toList());
        List<Views.KimTraining> kimTrainings = values(seatsByKim, id).stream()
                .filter(s -> s.enrolment().status() != null)
                .sorted(Comparator.comparing((Seat s) -> s.training().start(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(s -> s.enrolment().id()))
                .map(s -> new Views.KimTraining(s.training().id(), s.training().title(), s.training().programmeId(),
                        s.training().status(), time(s.training(), s.training().start()), time(s.training(), s.training().end()),
                        s.enrolment().status(), s.enrolment().present()))
                .toList();
        List<Views.KimOutput> kimOutputs = values(outputsByKim, id).stream()
                .sorted(Comparator.comparing(Rows.Output::publishedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Rows.Output::id))
                .map(o -> new Views.KimOutput(o.id(), o.trainingId(), o.programmeId(), o.channel(), o.url(), o.publishedOn(),
                        o.reach()))
                .toList();
        return Optional.of(new Views.KimFigures(info, new Views.KimIndex(score.score(), score.lastActivityAt(), components),
                kimTrainings, kimOutputs, computedAt));
    }

    /** A programme's outputs with their KIM, for the export. */
    List<Rows.Output> outputsOf(String programmeId) {
        return read(() -> values(outputsByProgramme, programmeId).stream()
                .sorted(Comparator.comparing(Rows.Output::publishedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Rows.Output::id))
                .toList());
    }

    Optional<Rows.Kim> kimRow(String id) {
        return read(() -> Optional.ofNullable(kims.get(id)));
    }

    Optional<Rows.Training> trainingRow(String id) {
        return read(() -> Optional.ofNullable(id == null ? null : trainings.get(id)));
    }

    Optional<Rows.Programme> programmeRow(String id) {
        return read(() -> Optional.ofNullable(programmes.get(id)));
    }

    private Views.RegionFigures regionFigures(Region region, Tally tally, List<Region> childRegions) {
        Map<String, Tally> childTallies = region != null && region.level() == RegionLevel.DISTRICT
                ? villageTallies(region.code()) : tallies;
        List<Views.Child> children = childRegions.stream().map(child -> {
            Tally t = childTallies.getOrDefault(child.code(), new Tally());
            return new Views.Child(Views.Place.of(child), new Views.ChildKims(t.kims, t.active()), coverage(child, t),
                    t.trainings, new Views.ChildParticipants(t.enrolled, t.attended), new Views.ChildOutputs(t.outputs, t.reach),
                    t.indexAverage());
        }).toList();
        // Every training lies in at most one child, so what the children leave over was held at this region itself.
        Views.AtThisLevel atThisLevel = region != null && region.level() == RegionLevel.VILLAGE ? null
                : new Views.AtThisLevel(tally.trainings - children.stream().mapToLong(Views.Child::trainings).sum());
        List<Region> path = region == null ? List.of() : regions.path(region.code());
        return new Views.RegionFigures(region == null ? Views.Place.INDONESIA : Views.Place.of(region),
                path.stream().limit(Math.max(0, path.size() - 1)).map(Views.Place::of).toList(),
                tally.kimFigures(), coverage(region, tally), tally.trainingFigures(), tally.participants(), tally.partners(),
                tally.outputFigures(), tally.funnel(), tally.index(), children, atThisLevel, computedAt);
    }

    /** The key figures of a tally, for the fingerprint. */
    private static List<Object> view(Tally t) {
        return List.of(t.kimFigures(), t.coverage(0L, 0L), t.trainingFigures(), t.participants(), t.partners(),
                t.outputFigures(), t.funnel(), t.index());
    }

    private Views.Coverage coverage(Region region, Tally tally) {
        if (region == null) {
            return tally.coverage((long) regions.count(RegionLevel.DISTRICT), (long) regions.count(RegionLevel.VILLAGE));
        }
        Map<RegionLevel, Integer> below = regions.countsBelow(region.code());
        return switch (region.level()) {
            case PROVINCE, REGENCY -> tally.coverage((long) below.getOrDefault(RegionLevel.DISTRICT, 0),
                    (long) below.getOrDefault(RegionLevel.VILLAGE, 0));
            case DISTRICT -> tally.coverage(1L, (long) below.getOrDefault(RegionLevel.VILLAGE, 0));
            case VILLAGE -> tally.coverage(null, 1L);
        };
    }

    /** The tallies of the villages of one district, counted from that district's rows. */
    private Map<String, Tally> villageTallies(String districtCode) {
        Map<String, Tally> villages = new HashMap<>();
        RegionCode district = new RegionCode(districtCode);
        Function<String, List<Tally>> target = code -> code != null && isVillageIn(code, district)
                ? List.of(villages.computeIfAbsent(code, c -> new Tally())) : List.of();
        count(values(kimsByDistrict, districtCode), values(trainingsByVenueDistrict, districtCode),
                values(seatsByDistrict, districtCode), values(outputsByDistrict, districtCode), target);
        return villages;
    }

    private Views.ProgrammeInfo info(Rows.Programme programme) {
        return new Views.ProgrammeInfo(programme.id(), programme.title(), programme.theme(),
                programme.organiserName() == null ? null : new Views.Organiser(programme.organiserLevel(), programme.organiserName()),
                programme.periodStart(), programme.periodEnd(), programme.targetRegions().stream().map(this::place).toList());
    }

    private Views.Place place(String code) {
        if (code == null) {
            return null;
        }
        return regions.find(code).map(Views.Place::of).orElse(new Views.Place(code, code, null));
    }

    /**
     * A moment of a training in its venue's local time: the zone of the venue's province (so a venue moved to
     * another zone shows the new local time), or for an online training the zone its schedule names.
     */
    private Views.Time time(Rows.Training training, Instant instant) {
        IndonesianTimeZone zone = training.venueRegionCode() == null ? null
                : regions.find(training.venueRegionCode()).map(Region::timeZone).orElse(null);
        if (zone == null && training.timeZone() != null) {
            zone = IndonesianTimeZone.valueOf(training.timeZone());
        }
        return Views.Time.of(instant, zone);
    }

    private Views.JoinedPartner joinedPartner(Rows.Invitation invitation) {
        Rows.Partner partner = partners.get(invitation.partnerId());
        return new Views.JoinedPartner(invitation.partnerId(), partner == null ? null : partner.name(),
                partner == null || partner.type() == null ? invitation.partnerType() : partner.type());
    }

    private String theme(Rows.Training training) {
        Rows.Programme programme = programmes.get(training.programmeId());
        return programme == null || programme.theme() == null ? UNKNOWN_THEME : programme.theme();
    }

    private static String venueDistrict(Rows.Training training) {
        return training.venueRegionCode() == null ? NATIONAL : district(training.venueRegionCode());
    }

    private static <T> Collection<T> values(Map<String, Map<String, T>> index, String key) {
        Map<String, T> held = index.get(key);
        return held == null ? List.of() : held.values();
    }

    private static <T> void add(Map<String, Map<String, T>> index, String key, String id, T value) {
        index.computeIfAbsent(key, k -> new HashMap<>()).put(id, value);
    }

    private static <T> void remove(Map<String, Map<String, T>> index, String key, String id) {
        Map<String, T> held = index.get(key);
        if (held != null) {
            held.remove(id);
            if (held.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private static boolean inAny(String villageCode, Set<String> regionCodes) {
        return new RegionCode(villageCode).selfAndAncestors().stream().anyMatch(region -> regionCodes.contains(region.value()));
    }

    /** The district a code lies in, or the code itself above the district level. */
    private static String district(String code) {
        return new RegionCode(code).atOrAbove(RegionLevel.DISTRICT).value();
    }

    private static boolean isVillageIn(String code, RegionCode district) {
        RegionCode region = new RegionCode(code);
        return region.isVillage() && region.isWithin(district);
    }

    /** {@code code} is {@code scope} or lies below it (codes are dotted, each level adds a part). */
    private static boolean lies(String code, RegionCode scope) {
        String within = scope.value();
        return code.startsWith(within) && (code.length() == within.length() || code.charAt(within.length()) == '.');
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
