package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

/** How to reach the KIM. */
@ValueObject
public record Contact(String phone, String email) {

    public static Contact none() {
        return new Contact(null, null);
    }
}
