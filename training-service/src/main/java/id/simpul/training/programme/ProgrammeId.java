package id.simpul.training.programme;

import id.simpul.eventing.Identifier;
import id.simpul.training.common.TypedIds;
import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record ProgrammeId(String value) implements Identifier {

    public ProgrammeId {
        TypedIds.requireUuid(value, "A programme id");
    }

    public static ProgrammeId newId() {
        return new ProgrammeId(TypedIds.random());
    }
}
