package id.simpul.training.session;

import id.simpul.eventing.Identifier;
import id.simpul.training.common.TypedIds;
import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record EnrolmentId(String value) implements Identifier {

    public EnrolmentId {
        TypedIds.requireUuid(value, "An enrolment id");
    }

    public static EnrolmentId newId() {
        return new EnrolmentId(TypedIds.random());
    }
}
