package id.simpul.training.programme;

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
        if (periodEnd.isBefore(periodStart)) {
            violations.add(new Violation("period.end", "must not be before period.start"));
        }
        if (organiser.level() == Organiser.Level.REGION && organiser.regionCode() == null) {
            violations.add(new Violation("organiser.regionCode", "is required for a regional office"));
        }
        if (organiser.level() == Organiser.Level.MINISTRY && organiser.regionCode() != null) {
            violations.add(new Violation("organiser.regionCode", "must be empty for the ministry"));
        }
        if (!violations.isEmpty()) {
            throw new RuleException(violations);
        }
        String normalisedTheme = theme.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        List<String> regions = targetRegions == null ? List.of() : targetRegions.stream().distinct().sorted().toList();
        Targets goals = targets == null ? new Targets(null, null, null, null) : targets;
        Programme programme = new Programme(id, title.strip(), normalisedTheme, organiser, periodStart, periodEnd, regions, goals, now, 1);
        return new Creation(programme, new ProgrammeCreated(id, 1, programme.title, normalisedTheme, organiser, periodStart,
                periodEnd, regions, goals, now));
    }

    public static Programme restore(ProgrammeId id, String title, String theme, Organiser organiser, LocalDate periodStart,
                                    LocalDate periodEnd, List<String> targetRegions, Targets targets, Instant createdAt,
                                    long version) {
        return new Programme(id, title, theme, organiser, periodStart, periodEnd, targetRegions, targets, createdAt, version);
    }

    /** Whether a KIM in {@code villageCode} lies in the programme's target regions (all of Indonesia when none). */
    public boolean covers(String villageCode) {
        return targetRegions.isEmpty()
                || targetRegions.stream().anyMatch(r -> villageCode.equals(r) || villageCode.startsWith(r + "."));
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
