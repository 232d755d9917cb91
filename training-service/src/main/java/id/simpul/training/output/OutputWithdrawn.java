package id.simpul.training.output;

import id.simpul.training.programme.ProgrammeId;
import org.jmolecules.event.annotation.DomainEvent;

import java.time.Instant;

/** {@code id.simpul.output.withdrawn.v1}: the output no longer counts toward its programme. */
@DomainEvent
public record OutputWithdrawn(OutputId outputId, long version, ProgrammeId programmeId, String trainingId, String kimId,
                              String villageCode, String reason, Instant withdrawnAt) {
}
