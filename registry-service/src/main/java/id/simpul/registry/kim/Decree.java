package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

import java.time.LocalDate;

/** The decree (Surat Keputusan, SK) of the village head or lurah that founded the KIM. */
@ValueObject
public record Decree(String number, LocalDate date, String issuer) {

    public boolean isComplete() {
        return number != null && !number.isBlank() && date != null;
    }
}
