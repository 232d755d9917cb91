package id.simpul.training.programme;

import org.jmolecules.ddd.annotation.ValueObject;

/** Who runs a programme: the ministry, or a region's office (Dinas Kominfo) named by its region code. */
@ValueObject
public record Organiser(Level level, String regionCode, String name) {

    public enum Level { MINISTRY, REGION }
}
