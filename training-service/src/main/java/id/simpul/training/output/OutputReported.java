package id.simpul.training.output;

import id.simpul.training.programme.ProgrammeId;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;

/** {@code id.simpul.output.reported.v1}. */
@DomainEvent
public record OutputReported(OutputId outputId, long version, ProgrammeId programmeId, String trainingId, String kimId,
                             String villageCode, Channel channel, String url, LocalDate publishedOn, long peopleReached,
                             Instant reportedAt) {
}
