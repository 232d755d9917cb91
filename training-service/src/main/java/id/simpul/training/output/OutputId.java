package id.simpul.training.output;

import id.simpul.eventing.Identifier;
import id.simpul.training.common.TypedIds;
import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record OutputId(String value) implements Identifier {

    public OutputId {
        TypedIds.requireUuid(value, "An output id");
    }

    public static OutputId newId() {
        return new OutputId(TypedIds.random());
    }
}
