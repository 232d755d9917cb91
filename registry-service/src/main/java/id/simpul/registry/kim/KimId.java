package id.simpul.registry.kim;

import id.simpul.eventing.Identifier;
import org.jmolecules.ddd.annotation.ValueObject;

import java.util.UUID;

/** The id of a KIM: a UUID, assigned by registry-service. */
@ValueObject
public record KimId(String value) implements Identifier {

    public KimId {
        UUID.fromString(value);
    }

    public static KimId newId() {
        return new KimId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
