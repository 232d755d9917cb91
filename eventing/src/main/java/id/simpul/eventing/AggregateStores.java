package id.simpul.eventing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoOperations;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Makes the {@link AggregateStore} of each aggregate collection of a service. */
public final class AggregateStores {

    private final MongoOperations mongo;
    private final ObjectProvider<Outbox> outbox;
    private final OutboxRelay relay;
    private final List<AggregateStore<?>> created = new CopyOnWriteArrayList<>();

    AggregateStores(MongoOperations mongo, ObjectProvider<Outbox> outbox, OutboxRelay relay) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.relay = relay;
    }

    public <A> AggregateStore<A> create(String collection, AggregateMapping<A> mapping) {
        AggregateStore<A> store = new AggregateStore<>(mongo, outbox.getObject(), relay, collection, mapping);
        created.add(store);
        return store;
    }

    /** Every store made here, as the consistency check reads them (named by their collection). */
    List<ConsistencySource> sources() {
        return created.stream().map(store -> (ConsistencySource) new ConsistencySource() {
            @Override
            public String name() {
                return store.collection();
            }

            @Override
            public boolean view() {
                return false;
            }

            @Override
            public Map<String, Long> versions() {
                return ConsistencySource.versions(mongo, store.collection(), null);
            }

            @Override
            public Set<String> pending() {
                return ConsistencySource.pending(mongo, store.collection());
            }
        }).toList();
    }
}
