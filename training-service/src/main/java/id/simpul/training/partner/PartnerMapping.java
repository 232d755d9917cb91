package id.simpul.training.partner;

import id.simpul.eventing.AggregateMapping;
import id.simpul.platform.Text;
import id.simpul.training.common.RegionPaths;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** The stored shape of a partner in {@code partners}. */
class PartnerMapping implements AggregateMapping<Partner> {

    /** The partner's region and those above it (see {@link RegionPaths}). */
    static final String REGION_PATH = "regionPath";

    /** The name as people compare it (case and spacing aside), for search and order. */
    static final String NAME_KEY = "nameKey";

    static String nameKey(String name) {
        return Text.comparable(name).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String id(Partner p) {
        return p.id().value();
    }

    @Override
    public long version(Partner p) {
        return p.version();
    }

    @Override
    public Document toDocument(Partner p) {
        return new Document("name", p.name()).append(NAME_KEY, nameKey(p.name())).append("type", p.type().name()).append("regionCode", p.regionCode())
                .append(REGION_PATH, RegionPaths.of(p.regionCode()))
                .append("contacts", p.contacts().stream().map(c -> new Document("name", c.name()).append("role", c.role())
                        .append("phone", c.phone()).append("email", c.email())).toList())
                .append("registeredAt", Date.from(p.registeredAt()));
    }

    @Override
    public Partner fromDocument(Document d) {
        return Partner.restore(new PartnerId(d.getString("_id")), d.getString("name"), PartnerType.valueOf(d.getString("type")),
                d.getString("regionCode"), d.getList("contacts", Document.class, List.of()).stream()
                        .map(c -> new ContactPerson(c.getString("name"), c.getString("role"), c.getString("phone"), c.getString("email")))
                        .toList(), d.getDate("registeredAt").toInstant(), d.getLong("version"));
    }
}
