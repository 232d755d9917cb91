package id.simpul.eventing;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * An event waiting in its aggregate's document until Kafka has acknowledged it. {@code payload} is the exact JSON
 * that will be the record value; {@code key} is the aggregate id (record key and {@code ce_subject}).
 */
public record OutboxEntry(String id, String type, String topic, String key, String source, Instant time,
                          String payload) {

    Document toDocument() {
        return new Document("id", id)
                .append("type", type)
                .append("topic", topic)
                .append("key", key)
                .append("source", source)
                .append("time", Date.from(time))
                .append("payload", payload);
    }

    static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(d.getString("id"), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("source"), d.getDate("time").toInstant(), d.getString("payload"));
    }
}
