package id.simpul.training.programme;

import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code id.simpul.programme.updated.v1}: every changeable field as it now stands; {@code changed} names those set. */
@DomainEvent
public record ProgrammeUpdated(ProgrammeId programmeId, long version, String title, String theme, LocalDate periodStart,
                               LocalDate periodEnd, List<String> targetRegions, Targets targets, List<String> changed,
                               Instant updatedAt) {
}
