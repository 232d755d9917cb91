package id.simpul.training.programme;

import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code id.simpul.programme.created.v1}. */
@DomainEvent
public record ProgrammeCreated(ProgrammeId programmeId, long version, String title, String theme, Organiser organiser,
                               LocalDate periodStart, LocalDate periodEnd, List<String> targetRegions, Targets targets,
                               Instant createdAt) {
}
