package id.simpul.eventing;

import id.simpul.platform.Actor;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * An event waiting in its aggregate's document until Kafka has acknowledged it. {@code payload} is the exact JSON
 * that will be the record value; {@code key} is the aggregate id (record key and {@code ce_subject}).
 */
public record OutboxEntry(String id, String type, String topic, String key, String source, Instant time,
                          String payload, Actor actor) {

    /** An entry of a change made with no actor known. */
    public OutboxEntry(String id, String type, String topic, String key, String source, Instant time, String payload) {
        this(id, type, topic, key, source, time, payload, null);
    }

    Document toDocument() {
        Document d = new Document("id", id)
                .append("type", type)
                .append("topic", topic)
                .append("key", key)
                .append("source", source)
                .append("time", Date.from(time))
                .append("payload", payload);
        if (actor != null) {
            d.append("actor", new Document("id", actor.id()).append("roles", actor.roles()).append("regionScope", actor.regionScope()));
        }
        return d;
    }

    static OutboxEntry fromDocument(Document d) {
        Document a = d.get("actor", Document.class);
        return new OutboxEntry(d.getString("id"), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("source"), d.getDate("time").toInstant(), d.getString("payload"),
                a == null ? null : new Actor(a.getString("id"), a.getList("roles", String.class, List.of()), a.getString("regionScope")));
    }
}
