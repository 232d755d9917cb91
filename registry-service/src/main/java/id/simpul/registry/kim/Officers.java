package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

import java.util.List;

/** The KIM's board: chair (ketua), secretary, treasurer and the heads of its sections (seksi). */
@ValueObject
public record Officers(String chair, String secretary, String treasurer, List<SectionHead> sectionHeads) {

    public Officers {
        sectionHeads = sectionHeads == null ? List.of() : List.copyOf(sectionHeads);
    }

    public static Officers none() {
        return new Officers(null, null, null, List.of());
    }

    /** A section (seksi) and who heads it. */
    @ValueObject
    public record SectionHead(String section, String name) {
    }
}
