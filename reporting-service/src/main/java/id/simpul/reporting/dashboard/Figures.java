package id.simpul.reporting.dashboard;

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
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One immutable set of figures computed from the read models at one moment: the tallies of the country, every
 * province, regency and district with data (villages are counted on request, from their district's rows), every
 * programme's progress and every KIM's development index. Every API answer of one moment comes from one of these,
 * so the figures on a page agree with each other.
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
    }

    private final RegionDataset regions;
    private final Instant computedAt;
    private final Map<String, Rows.Kim> kims = new HashMap<>();
    private final Map<String, Rows.Programme> programmes = new LinkedHashMap<>();
    private final Map<String, Rows.Partner> partners = new HashMap<>();
    private final Map<String, Rows.Training> trainings = new HashMap<>();
    private final Map<String, Tally> tallies = new HashMap<>();
    private final Map<String, DevelopmentIndex.Score> scores = new HashMap<>();
    private final Map<String, List<Rows.Kim>> kimsByDistrict = new HashMap<>();
    private final Map<String, List<Seat>> seatsByDistrict = new HashMap<>();
    private final Map<String, List<Rows.Training>> trainingsByVenueDistrict = new HashMap<>();
    private final Map<String, List<Rows.Output>> outputsByDistrict = new HashMap<>();
    private final Map<String, List<Seat>> seatsByKim = new HashMap<>();
    private final Map<String, List<Rows.Output>> outputsByKim = new HashMap<>();
    private final Map<String, List<Rows.Training>> trainingsByProgramme = new HashMap<>();
    private final Map<String, List<Rows.Output>> outputsByProgramme = new HashMap<>();
    private final Map<String, Views.ProgrammeFigures> programmeFigures = new LinkedHashMap<>();
    private final long fingerprint;

    private Figures(RegionDataset regions, Data data, Instant now) {
        this.regions = regions;
        this.computedAt = now;
        data.kims().forEach(k -> kims.put(k.id(), k));
        data.programmes().stream().sorted(Comparator.comparing(Rows.Programme::id)).forEach(p -> programmes.put(p.id(), p));
        data.partners().forEach(p -> partners.put(p.id(), p));
        data.trainings().forEach(t -> trainings.put(t.id(), t));
        index(data);
        score(now);
        count(kims.values(), trainings.values(), seatsByDistrict.values().stream().flatMap(List::stream).toList(),
                outputsByDistrict.values().stream().flatMap(List::stream).toList(), this::talliesAbove);
        programmes.values().forEach(p -> programmeFigures.put(p.id(), programme(p)));
        this.fingerprint = computeFingerprint();
    }

    static Figures compute(RegionDataset regions, Data data, Instant now) {
        return new Figures(regions, data, now);
    }

    Instant computedAt() {
        return computedAt;
    }

    /** Equal for two sets of figures that show the same numbers everywhere (apart from when they were computed). */
    long fingerprint() {
        return fingerprint;
    }

    private long computeFingerprint() {
        if (tallies.isEmpty() && programmeFigures.isEmpty()) {
            return 0;
        }
        long hash = 17;
        for (Map.Entry<String, Tally> entry : new TreeMap<>(tallies).entrySet()) {
            hash = 31 * hash + Objects.hash(entry.getKey(), view(entry.getValue()));
        }
        for (Views.ProgrammeFigures figures : programmeFigures.values()) {
            hash = 31 * hash + Objects.hash(figures.programme(), figures.progress(), figures.participants(), figures.partners(),
                    figures.outputs(), figures.funnel(), figures.trainings(), figures.byRegion());
        }
        return hash;
    }

    // ---- building

    private void index(Data data) {
        for (Rows.Kim kim : kims.values()) {
            kimsByDistrict.computeIfAbsent(district(kim.villageCode()), d -> new ArrayList<>()).add(kim);
        }
        for (Rows.Training training : trainings.values()) {
            trainingsByProgramme.computeIfAbsent(training.programmeId(), p -> new ArrayList<>()).add(training);
            String venue = training.venueRegionCode();
            trainingsByVenueDistrict.computeIfAbsent(venue == null ? NATIONAL : district(venue),
                    d -> new ArrayList<>()).add(training);
            for (Rows.Enrolment enrolment : training.enrolments()) {
                if (enrolment.villageCode() == null) {
                    continue;
                }
                Seat seat = new Seat(training, enrolment);
                seatsByDistrict.computeIfAbsent(district(enrolment.villageCode()), d -> new ArrayList<>()).add(seat);
                seatsByKim.computeIfAbsent(enrolment.kimId(), k -> new ArrayList<>()).add(seat);
            }
        }
        for (Rows.Output output : data.outputs()) {
            if (output.withdrawn()) {
                continue; // a withdrawn output counts nowhere, not even as the KIM's activity
            }
            outputsByDistrict.computeIfAbsent(district(output.villageCode()), d -> new ArrayList<>()).add(output);
            outputsByKim.computeIfAbsent(output.kimId(), k -> new ArrayList<>()).add(output);
            outputsByProgramme.computeIfAbsent(output.programmeId(), p -> new ArrayList<>()).add(output);
        }
    }

    private void score(Instant now) {
        for (Rows.Kim kim : kims.values()) {
            Set<String> attended = new HashSet<>();
            Instant last = kim.lastActivityAt();
            for (Seat seat : seatsByKim.getOrDefault(kim.id(), List.of())) {
                if (seat.enrolment().present() && !seat.training().cancelled()) {
                    attended.add(seat.training().id());
                    last = latest(last, seat.enrolment().attendedAt());
                }
            }
            List<Rows.Output> outputs = outputsByKim.getOrDefault(kim.id(), List.of());
            for (Rows.Output output : outputs) {
                last = latest(last, output.reportedAt());
            }
            scores.put(kim.id(), DevelopmentIndex.of(kim.status(), kim.mediaTypes().size(), attended.size(), outputs.size(),
                    last, now));
        }
    }

    /** Counts rows into the tallies {@code target} names for a village or venue code. */
    private void count(Collection<Rows.Kim> kimRows, Collection<Rows.Training> trainingRows, Collection<Seat> seats,
                       Collection<Rows.Output> outputRows, Function<String, List<Tally>> target) {
        Set<String> targetRegions = new HashSet<>();
        programmes.values().forEach(p -> targetRegions.addAll(p.targetRegions()));
        for (Rows.Kim kim : kimRows) {
            boolean eligible = kim.mayEnrol() && inAny(kim.villageCode(), targetRegions);
            for (Tally tally : target.apply(kim.villageCode())) {
                tally.kim(kim, eligible, scores.get(kim.id()));
            }
        }
        for (Rows.Training training : trainingRows) {
            String theme = theme(training);
            for (Tally tally : target.apply(training.venueRegionCode())) {
                tally.training(training, theme);
                for (Rows.Invitation invitation : training.invitations()) {
                    if ("JOINED".equals(invitation.status())) {
                        tally.partner(invitation);
                    }
                }
            }
        }
        for (Seat seat : seats) {
            for (Tally tally : target.apply(seat.enrolment().villageCode())) {
                tally.enrolment(seat.training(), seat.enrolment());
            }
        }
        for (Rows.Output output : outputRows) {
            for (Tally tally : target.apply(output.villageCode())) {
                tally.output(output);
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

    private Views.ProgrammeFigures programme(Rows.Programme programme) {
        Tally tally = new Tally();
        List<Rows.Training> programmeTrainings = trainingsByProgramme.getOrDefault(programme.id(), List.of()).stream()
                .sorted(Comparator.comparing(Rows.Training::start, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Rows.Training::id))
                .toList();
        List<Rows.Output> programmeOutputs = outputsByProgramme.getOrDefault(programme.id(), List.of());
        long planned = 0;
        long completed = 0;
        Set<String> trained = new HashSet<>();
        List<Views.TrainingRow> rows = new ArrayList<>();
        for (Rows.Training training : programmeTrainings) {
            tally.training(training, theme(training));
            if (training.described() && !training.cancelled()) {
                planned++;
            }
            if (training.completed()) {
                completed++;
            }
            List<Views.JoinedPartner> joined = new ArrayList<>();
            for (Rows.Invitation invitation : training.invitations()) {
                if ("JOINED".equals(invitation.status())) {
                    tally.partner(invitation);
                    joined.add(joinedPartner(invitation));
                }
            }
            long seated = 0;
            long waiting = 0;
            long present = 0;
            for (Rows.Enrolment enrolment : training.enrolments()) {
                tally.enrolment(training, enrolment);
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
        programmeOutputs.forEach(tally::output);
        long eligible = kims.values().stream().filter(k -> k.mayEnrol() && programme.covers(k.villageCode())).count();
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
        return regionFigures(null, tallies.getOrDefault(NATIONAL, new Tally()), regions.children(null));
    }

    /** The figures of a region the dataset knows; empty for an unknown code. */
    Optional<Views.RegionFigures> region(String code) {
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
        return programmeFigures.values().stream()
                .map(f -> new Views.ProgrammeSummary(f.programme(), f.progress()))
                .toList();
    }

    Optional<Views.ProgrammeFigures> programme(String id) {
        return Optional.ofNullable(programmeFigures.get(id));
    }

    Optional<Views.KimFigures> kim(String id) {
        Rows.Kim kim = kims.get(id);
        if (kim == null) {
            return Optional.empty();
        }
        DevelopmentIndex.Score score = scores.get(id);
        Map<String, Views.Component> components = new LinkedHashMap<>();
        components.put("media", new Views.Component(score.media(), DevelopmentIndex.COMPONENT_MAX, score.mediaCount(), null));
        components.put("trainings", new Views.Component(score.trainings(), DevelopmentIndex.COMPONENT_MAX, score.trainingCount(), null));
        components.put("outputs", new Views.Component(score.outputs(), DevelopmentIndex.COMPONENT_MAX, score.outputCount(), null));
        components.put("recency", new Views.Component(score.recency(), DevelopmentIndex.COMPONENT_MAX, null, score.days()));
        List<Region> path = regions.path(kim.villageCode());
        Views.KimInfo info = new Views.KimInfo(kim.id(), kim.name(), kim.status(), kim.focusAreas(), kim.mediaTypes(),
                place(kim.villageCode()), path.stream().limit(Math.max(0, path.size() - 1)).map(Views.Place::of).toList());
        List<Views.KimTraining> kimTrainings = seatsByKim.getOrDefault(id, List.of()).stream()
                .filter(s -> s.enrolment().status() != null)
                .sorted(Comparator.comparing((Seat s) -> s.training().start(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(s -> s.enrolment().id()))
                .map(s -> new Views.KimTraining(s.training().id(), s.training().title(), s.training().programmeId(),
                        s.training().status(), time(s.training(), s.training().start()), time(s.training(), s.training().end()),
                        s.enrolment().status(), s.enrolment().present()))
                .toList();
        List<Views.KimOutput> kimOutputs = outputsByKim.getOrDefault(id, List.of()).stream()
                .sorted(Comparator.comparing(Rows.Output::publishedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Rows.Output::id))
                .map(o -> new Views.KimOutput(o.id(), o.trainingId(), o.programmeId(), o.channel(), o.url(), o.publishedOn(),
                        o.peopleReached()))
                .toList();
        return Optional.of(new Views.KimFigures(info, new Views.KimIndex(score.score(), score.lastActivityAt(), components),
                kimTrainings, kimOutputs, computedAt));
    }

    /** A programme's outputs with their KIM, for the export. */
    List<Rows.Output> outputsOf(String programmeId) {
        return outputsByProgramme.getOrDefault(programmeId, List.of()).stream()
                .sorted(Comparator.comparing(Rows.Output::publishedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Rows.Output::id))
                .toList();
    }

    Optional<Rows.Kim> kimRow(String id) {
        return Optional.ofNullable(kims.get(id));
    }

    Optional<Rows.Training> trainingRow(String id) {
        return Optional.ofNullable(id == null ? null : trainings.get(id));
    }

    Optional<Rows.Programme> programmeRow(String id) {
        return Optional.ofNullable(programmes.get(id));
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
        count(kimsByDistrict.getOrDefault(districtCode, List.of()), trainingsByVenueDistrict.getOrDefault(districtCode, List.of()),
                seatsByDistrict.getOrDefault(districtCode, List.of()), outputsByDistrict.getOrDefault(districtCode, List.of()),
                target);
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

    private static boolean lies(String code, RegionCode scope) {
        return new RegionCode(code).isWithin(scope);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
