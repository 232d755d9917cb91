package id.simpul.training.session;

import id.simpul.eventing.Identifier;
import id.simpul.training.common.TypedIds;
import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record TrainingId(String value) implements Identifier {

    public TrainingId {
        TypedIds.requireUuid(value, "A training id");
    }

    public static TrainingId newId() {
        return new TrainingId(TypedIds.random());
    }
}
