package id.simpul.registry.kim;

import id.simpul.platform.Text;
import id.simpul.regions.RegionCode;
import org.jmolecules.ddd.annotation.ValueObject;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What offices record about a KIM. Only name and village are required; the rest may be filled in over time, and
 * regional rules may require more (see {@link RegionalRule}).
 *
 * @param kimIdNumber the KIM's number on kim.id, the ministry's national KIM portal, when it has one
 */
@ValueObject
public record KimProfile(String name, RegionCode village, String address, LocalDate foundedOn, Decree decree,
                         Officers officers, Integer memberCount, Contact contact, List<MediaChannel> media,
                         Set<FocusArea> focusAreas, String kimIdNumber) {

    public static final int NAME_MAX_LENGTH = 200;

    public KimProfile {
        name = tidy(name);
        Objects.requireNonNull(village, "village");
        address = tidy(address);
        officers = officers == null ? Officers.none() : officers;
        contact = contact == null ? Contact.none() : contact;
        media = media == null ? List.of() : List.copyOf(media);
        // In declaration order, so that events and answers list them the same way every time.
        focusAreas = focusAreas == null || focusAreas.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(focusAreas));
        kimIdNumber = tidy(kimIdNumber);
        if (name == null || name.length() > NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("A KIM name has 1 to " + NAME_MAX_LENGTH + " characters");
        }
        if (!village.isVillage()) {
            throw new IllegalArgumentException("A KIM sits in a village or kelurahan, not in a " + village.level());
        }
    }

    /** A profile with just a name and a village, as a first registration often is. */
    public static KimProfile minimal(String name, RegionCode village) {
        return new KimProfile(name, village, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The name as duplicates are recognised: case, accents, punctuation, repeated spaces, invisible characters and a
     * leading "KIM" do not count, so "KIM  Sinar-Banjar", "KIM Sinar Banjar" with a zero-width space inside and "sinar banjar" are the same group.
     */
    public String nameKey() {
        String ascii = Normalizer.normalize(Text.comparable(name), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String plain = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
        return plain.startsWith("kim ") ? plain.substring(4) : plain;
    }

    public boolean hasMedia() {
        return !media.isEmpty();
    }

    /** Trims and collapses inner white space, as names typed into forms and spreadsheets need; blank is null. */
    static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String tidy = text.strip().replaceAll("\\s+", " ");
        return tidy.isEmpty() ? null : tidy;
    }
}
