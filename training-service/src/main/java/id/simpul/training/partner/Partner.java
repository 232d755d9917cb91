package id.simpul.training.partner;

import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import java.time.Instant;
import java.util.List;

/** An organisation that briefs KIMs in trainings: a health office, a Puskesmas, a university... */
@AggregateRoot
public final class Partner {

    @Identity
    private final PartnerId id;
    private final String name;
    private final PartnerType type;
    private final String regionCode;
    private final List<ContactPerson> contacts;
    private final Instant registeredAt;
    private final long version;

    private Partner(PartnerId id, String name, PartnerType type, String regionCode, List<ContactPerson> contacts,
                    Instant registeredAt, long version) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.regionCode = regionCode;
        this.contacts = List.copyOf(contacts);
        this.registeredAt = registeredAt;
        this.version = version;
    }

    public record Registration(Partner partner, PartnerRegistered event) {
    }

    public static Registration register(PartnerId id, String name, PartnerType type, String regionCode,
                                        List<ContactPerson> contacts, Instant now) {
        Partner partner = new Partner(id, name.strip(), type, regionCode, contacts == null ? List.of() : contacts, now, 1);
        return new Registration(partner, new PartnerRegistered(id, 1, partner.name, type, regionCode, now));
    }

    public record Corrected(Partner partner, PartnerUpdated event) {
    }

    /** The partner with a corrected name and/or contact people (null leaves them); empty when nothing changes. */
    public java.util.Optional<Corrected> correct(String newName, List<ContactPerson> newContacts, Instant now) {
        String name1 = newName == null ? name : newName.strip();
        List<ContactPerson> contacts1 = newContacts == null ? contacts : List.copyOf(newContacts);
        List<String> changed = new java.util.ArrayList<>();
        if (!name1.equals(name)) {
            changed.add("name");
        }
        if (!contacts1.equals(contacts)) {
            changed.add("contacts");
        }
        if (changed.isEmpty()) {
            return java.util.Optional.empty();
        }
        Partner corrected = new Partner(id, name1, type, regionCode, contacts1, registeredAt, version + 1);
        return java.util.Optional.of(new Corrected(corrected,
                new PartnerUpdated(id, corrected.version, name1, type, regionCode, List.copyOf(changed), now)));
    }

    public static Partner restore(PartnerId id, String name, PartnerType type, String regionCode,
                                  List<ContactPerson> contacts, Instant registeredAt, long version) {
        return new Partner(id, name, type, regionCode, contacts, registeredAt, version);
    }

    public PartnerId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public PartnerType type() {
        return type;
    }

    public String regionCode() {
        return regionCode;
    }

    public List<ContactPerson> contacts() {
        return contacts;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public long version() {
        return version;
    }
}
