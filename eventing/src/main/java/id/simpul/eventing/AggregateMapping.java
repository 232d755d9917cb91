package id.simpul.eventing;

import org.bson.Document;

/**
 * How an aggregate maps to its MongoDB document. Written by hand per aggregate so the domain class stays plain
 * Java and the stored shape is visible in one place.
 */
public interface AggregateMapping<A> {

    String id(A aggregate);

    long version(A aggregate);

    /**
     * Every field of the aggregate, nulls included (an update sets each of them), without {@code _id},
     * {@code version} and the outbox, which the store writes itself.
     */
    Document toDocument(A aggregate);

    /** The aggregate from its stored document, which holds {@code _id} and {@code version} too. */
    A fromDocument(Document document);
}
