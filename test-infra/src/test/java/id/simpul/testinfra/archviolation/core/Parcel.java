package id.simpul.testinfra.archviolation.core;

import org.jmolecules.ddd.annotation.AggregateRoot;

/** Plain itself; its nested type, its enum and its exception are not. */
@AggregateRoot
public class Parcel {

    private ParcelStatus status = ParcelStatus.PACKED;

    public Label label(String text) {
        return new Label(text);
    }

    public void ship() {
        if (status != ParcelStatus.PACKED) {
            throw new ParcelRefused(status.name());
        }
        status = ParcelStatus.SHIPPED;
    }

    public record Label(String text) {
        public Label {
            org.springframework.util.Assert.hasText(text, "a label has text");
        }
    }
}
