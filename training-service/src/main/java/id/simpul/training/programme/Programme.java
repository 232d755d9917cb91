package id.simpul.training.programme;

import id.simpul.regions.RegionCode;
import id.simpul.training.common.RuleException;
import id.simpul.training.common.Violation;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A programme (campaign) that funds coaching and empowerment of KIMs, such as a stunting campaign: its theme, who
 * organises it, its period, the regions whose KIMs may take part, and the outputs it aims at.
 */
@AggregateRoot
public final class Programme {

    @Identity
    private final ProgrammeId id;
    private final String title;
    private final String theme;
    private final Organiser organiser;
    private final LocalDate periodStart;
    private final LocalDate periodEnd;
    private final List<String> targetRegions;
    private final Targets targets;
    private final Instant createdAt;
    private final long version;

    private Programme(ProgrammeId id, String title, String theme, Organiser organiser, LocalDate periodStart,
                      LocalDate periodEnd, List<String> targetRegions, Targets targets, Instant createdAt, long version) {
        this.id = id;
        this.title = title;
        this.theme = theme;
        this.organiser = organiser;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.targetRegions = List.copyOf(targetRegions);
        this.targets = targets;
        this.createdAt = createdAt;
        this.version = version;
    }

    public record Creation(Programme programme, ProgrammeCreated event) {
    }

    /** A new programme; its period must not end before it starts, and a regional organiser names its region. */
    public static Creation create(ProgrammeId id, String title, String theme, Organiser organiser, LocalDate periodStart,
                                  LocalDate periodEnd, List<String> targetRegions, Targets targets, Instant now) {
        List<Violation> violations = new ArrayList<>();
        checkPeriod(periodStart, periodEnd, violations);
        if (organiser.level() == Organiser.Level.REGION && organiser.regionCode() == null) {
            violations.add(new Violation("organiser.regionCode", "is required for a regional office"));
        }
        if (organiser.level() == Organiser.Level.MINISTRY && organiser.regionCode() != null) {
            violations.add(new Violation("organiser.regionCode", "must be empty for the ministry"));
        }
        if (!violations.isEmpty()) {
            throw new RuleException(violations);
        }
        String normalisedTheme = theme(theme);
        List<String> regions = regions(targetRegions);
        Targets goals = targets == null ? new Targets(null, null, null, null) : targets;
        Programme programme = new Programme(id, title.strip(), normalisedTheme, organiser, periodStart, periodEnd, regions, goals, now, 1);
        return new Creation(programme, new ProgrammeCreated(id, 1, programme.title, normalisedTheme, organiser, periodStart,
                periodEnd, regions, goals, now));
    }

    private static void checkPeriod(LocalDate start, LocalDate end, List<Violation> violations) {
        if (end.isBefore(start)) {
            violations.add(new Violation("period.end", "must not be before period.start (" + start + ")"));
        }
    }

    private static String theme(String theme) {
        return theme.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    private static List<String> regions(List<String> targetRegions) {
        return targetRegions == null ? List.of() : targetRegions.stream().distinct().sorted().toList();
    }

    /** What a correction sets; null leaves a field as it is. Targets are replaced as a whole. */
    public record Correction(String title, String theme, LocalDate periodStart, LocalDate periodEnd,
                             List<String> targetRegions, Targets targets) {
    }

    public record Corrected(Programme programme, ProgrammeUpdated event) {
    }

    /** The programme as corrected, with its event; empty when the correction changes nothing. */
    public java.util.Optional<Corrected> correct(Correction c, Instant now) {
        String newTitle = c.title() == null ? title : c.title().strip();
        String newTheme = c.theme() == null ? theme : theme(c.theme());
        LocalDate newStart = c.periodStart() == null ? periodStart : c.periodStart();
        LocalDate newEnd = c.periodEnd() == null ? periodEnd : c.periodEnd();
        List<String> newRegions = c.targetRegions() == null ? targetRegions : regions(c.targetRegions());
        Targets newTargets = c.targets() == null ? targets : c.targets();
        List<String> changed = new ArrayList<>();
        if (!newTitle.equals(title)) {
            changed.add("title");
        }
        if (!newTheme.equals(theme)) {
            changed.add("theme");
        }
        if (!newStart.equals(periodStart) || !newEnd.equals(periodEnd)) {
            changed.add("period");
        }
        if (!newRegions.equals(targetRegions)) {
            changed.add("targetRegions");
        }
        if (!newTargets.equals(targets)) {
            changed.add("targets");
        }
        if (changed.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Violation> violations = new ArrayList<>();
        checkPeriod(newStart, newEnd, violations);
        if (!violations.isEmpty()) {
            throw new RuleException(violations);
        }
        Programme corrected = new Programme(id, newTitle, newTheme, organiser, newStart, newEnd, newRegions, newTargets,
                createdAt, version + 1);
        return java.util.Optional.of(new Corrected(corrected, new ProgrammeUpdated(id, corrected.version, newTitle, newTheme,
                newStart, newEnd, newRegions, newTargets, List.copyOf(changed), now)));
    }

    /** PLANNED before its period, RUNNING in it, ENDED after it, on {@code today}. */
    public ProgrammeStatus status(LocalDate today) {
        return today.isBefore(periodStart) ? ProgrammeStatus.PLANNED
                : today.isAfter(periodEnd) ? ProgrammeStatus.ENDED : ProgrammeStatus.RUNNING;
    }

    public static Programme restore(ProgrammeId id, String title, String theme, Organiser organiser, LocalDate periodStart,
                                    LocalDate periodEnd, List<String> targetRegions, Targets targets, Instant createdAt,
                                    long version) {
        return new Programme(id, title, theme, organiser, periodStart, periodEnd, targetRegions, targets, createdAt, version);
    }

    /** Whether a KIM in {@code villageCode} lies in the programme's target regions (all of Indonesia when none). */
    public boolean covers(String villageCode) {
        return targetRegions.isEmpty()
                || targetRegions.stream().anyMatch(r -> new RegionCode(villageCode).isWithin(new RegionCode(r)));
    }

    public ProgrammeId id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String theme() {
        return theme;
    }

    /** The organiser's region, or null for the ministry (national): where docs/access.md puts the programme. */
    public String organiserRegion() {
        return organiser.level() == Organiser.Level.REGION ? organiser.regionCode() : null;
    }

    public Organiser organiser() {
        return organiser;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public List<String> targetRegions() {
        return targetRegions;
    }

    public Targets targets() {
        return targets;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
