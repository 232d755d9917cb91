package id.simpul.eventing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoOperations;

/** Makes the {@link AggregateStore} of each aggregate collection of a service. */
public final class AggregateStores {

    private final MongoOperations mongo;
    private final ObjectProvider<Outbox> outbox;
    private final OutboxRelay relay;

    AggregateStores(MongoOperations mongo, ObjectProvider<Outbox> outbox, OutboxRelay relay) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.relay = relay;
    }

    public <A> AggregateStore<A> create(String collection, AggregateMapping<A> mapping) {
        return new AggregateStore<>(mongo, outbox.getObject(), relay, collection, mapping);
    }
}
