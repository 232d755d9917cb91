package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

/** Who a KIM sends: a person and their role in the KIM (chair, content writer...). */
@ValueObject
public record Participant(String name, String role) {
}
