package id.simpul.eventing.sample;

import id.simpul.eventing.AggregateMapping;
import org.bson.Document;

public class ParcelMapping implements AggregateMapping<Parcel> {

    @Override
    public String id(Parcel parcel) {
        return parcel.id().value();
    }

    @Override
    public long version(Parcel parcel) {
        return parcel.version();
    }

    @Override
    public Document toDocument(Parcel parcel) {
        return new Document("label", parcel.label());
    }

    @Override
    public Parcel fromDocument(Document d) {
        return Parcel.restore(new ParcelId(d.getString("_id")), d.getString("label"), d.getLong("version"));
    }
}
