package id.simpul.registry.kim;

import id.simpul.eventing.AggregateMapping;
import id.simpul.registry.region.RegionCode;
import org.bson.Document;

import java.util.Date;

/** The stored shape of a KIM in the {@code kims} collection. */
class KimMapping implements AggregateMapping<Kim> {

    @Override
    public String id(Kim kim) {
        return kim.id().value();
    }

    @Override
    public long version(Kim kim) {
        return kim.version();
    }

    @Override
    public Document toDocument(Kim kim) {
        return new Document("name", kim.name())
                .append("villageCode", kim.village().value())
                .append("status", kim.status().name())
                .append("registeredAt", Date.from(kim.registeredAt()));
    }

    @Override
    public Kim fromDocument(Document d) {
        return Kim.restore(new KimId(d.getString("_id")), d.getString("name"), new RegionCode(d.getString("villageCode")),
                KimStatus.valueOf(d.getString("status")), d.getDate("registeredAt").toInstant(), d.getLong("version"));
    }
}
