package id.simpul.training.output;

import id.simpul.training.programme.ProgrammeId;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;

/** {@code id.simpul.output.corrected.v1}: the output as it now stands, and why it was corrected. */
@DomainEvent
public record OutputCorrected(OutputId outputId, long version, ProgrammeId programmeId, String trainingId, String kimId,
                              String villageCode, Channel channel, String url, LocalDate publishedOn, long peopleReached,
                              String reason, Instant correctedAt) {
}
