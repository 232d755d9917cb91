package id.simpul.training.partner;

import org.jmolecules.ddd.annotation.ValueObject;

/** Someone to talk to at a partner. */
@ValueObject
public record ContactPerson(String name, String role, String phone, String email) {
}
