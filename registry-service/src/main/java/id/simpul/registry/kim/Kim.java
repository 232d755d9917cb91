package id.simpul.registry.kim;

import id.simpul.registry.region.RegionCode;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A Kelompok Informasi Masyarakat: a community information group at village/kelurahan level. Commands return the
 * event they cause; the version counts the changes.
 */
@AggregateRoot
public final class Kim {

    public static final int NAME_MAX_LENGTH = 200;

    @Identity
    private final KimId id;
    private final String name;
    private final RegionCode village;
    private final KimStatus status;
    private final Instant registeredAt;
    private final long version;

    private Kim(KimId id, String name, RegionCode village, KimStatus status, Instant registeredAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.village = Objects.requireNonNull(village);
        this.status = Objects.requireNonNull(status);
        this.registeredAt = Objects.requireNonNull(registeredAt);
        this.version = version;
    }

    /** The KIM and its registration event. */
    public record Registration(Kim kim, KimRegistered event) {
    }

    /** An office registers a KIM it has mapped; it awaits verification. */
    public static Registration register(KimId id, String name, RegionCode village, Instant now) {
        String cleanName = normalise(name);
        if (cleanName.isEmpty() || cleanName.length() > NAME_MAX_LENGTH) {
            throw new IllegalArgumentException("A KIM name has 1 to " + NAME_MAX_LENGTH + " characters");
        }
        if (!village.isVillage()) {
            throw new IllegalArgumentException("A KIM sits in a village or kelurahan, not in a " + village.level());
        }
        Kim kim = new Kim(id, cleanName, village, KimStatus.SUBMITTED, now, 1);
        return new Registration(kim, new KimRegistered(id, kim.version, kim.name, village, kim.status, now));
    }

    /** A KIM as it was stored. */
    public static Kim restore(KimId id, String name, RegionCode village, KimStatus status, Instant registeredAt,
                              long version) {
        return new Kim(id, name, village, status, registeredAt, version);
    }

    /** Trims and collapses inner white space, as names typed into forms and spreadsheets need. */
    static String normalise(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }

    public KimId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public RegionCode village() {
        return village;
    }

    public KimStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public long version() {
        return version;
    }
}
