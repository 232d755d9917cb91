package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

import java.time.Instant;
import java.util.List;

/** A partner invited to brief a training, and its answer. */
@ValueObject
public record Invitation(InvitationId id, PartnerRef partner, Status status, List<Speaker> speakers, String reason,
                         Instant invitedAt, Instant answeredAt) {

    public enum Status { INVITED, ACCEPTED, DECLINED }

    public Invitation {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
    }
}
