package id.simpul.training.partner;

import id.simpul.eventing.Identifier;
import id.simpul.training.common.TypedIds;
import org.jmolecules.ddd.annotation.ValueObject;

@ValueObject
public record PartnerId(String value) implements Identifier {

    public PartnerId {
        TypedIds.requireUuid(value, "A partner id");
    }

    public static PartnerId newId() {
        return new PartnerId(TypedIds.random());
    }
}
