package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

/** The partner an invitation goes to, as it was when invited. */
@ValueObject
public record PartnerRef(String partnerId, String name, String type) {
}
