package id.simpul.training.session;

import id.simpul.eventing.Identifier;
import id.simpul.training.common.TypedIds;
import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record InvitationId(String value) implements Identifier {

    public InvitationId {
        TypedIds.requireUuid(value, "An invitation id");
    }

    public static InvitationId newId() {
        return new InvitationId(TypedIds.random());
    }
}
