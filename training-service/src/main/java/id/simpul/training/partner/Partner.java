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
