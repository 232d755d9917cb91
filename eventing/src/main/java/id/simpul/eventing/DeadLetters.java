package id.simpul.eventing;

import id.simpul.contracts.CloudEventHeaders;
import id.simpul.platform.MongoPages;
import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.StoreUnavailable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dead letters of a service, kept in its database ({@value #COLLECTION}) as they arrive on its dead-letter
 * topic, so that an operator can see what its consumer could not apply and why, replay a record once its cause is
 * removed (replaying one that was replayed changes nothing), or discard it with a reason. Discarded and replayed
 * dead letters are kept as the record of who did what.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    static final String COLLECTION = "dead_letters";
    /** Who did something to a dead letter, until people sign in. */
    static final String UNATTRIBUTED = "unattributed";
    private static final int PREVIEW_CHARS = 2000;

    public enum Status { WAITING, REPLAYED, DISCARDED }

    /** Applies a record as the service's consumer does; throws when it cannot. */
    @FunctionalInterface
    public interface Replay {
        void apply(Message<byte[]> message);
    }

    /** A dead letter that cannot be found. */
    public static final class NotFound extends RuntimeException {
        NotFound(String id) {
            super("There is no dead letter " + id + ".");
        }
    }

    /** A change a dead letter's status does not allow (discarding a replayed one, replaying a discarded one). */
    public static final class Conflict extends RuntimeException {
        final Status status;

        Conflict(String message, Status status) {
            super(message);
            this.status = status;
        }
    }

    /** The consumer still cannot apply the record: it stays waiting. */
    public static final class ReplayFailed extends RuntimeException {
        ReplayFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final MongoOperations mongo;
    private final Replay replay;
    private final String topic;
    private final Clock clock;
    private final AtomicLong waiting = new AtomicLong();

    DeadLetters(MongoOperations mongo, Replay replay, String topic, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.replay = replay;
        this.topic = topic;
        this.clock = clock;
        Gauge.builder("simpul.dead.letters.waiting", waiting, AtomicLong::get)
                .description("Dead letters neither replayed nor discarded").tag("topic", topic).register(meters);
    }

    String topic() {
        return topic;
    }

    /** Keeps a record of the dead-letter topic; the same record twice is kept once. */
    void record(ConsumerRecord<byte[], byte[]> record) {
        ensureIndexes();
        Document letter = new Document("_id", record.topic() + "-" + record.partition() + "-" + record.offset())
                .append("status", Status.WAITING.name())
                .append("deadLetteredAt", new Date(record.timestamp()))
                .append("originalTopic", text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .append("originalPartition", number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION))
                .append("originalOffset", number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET))
                .append("originalTimestamp", timestamp(record))
                .append("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8))
                .append("type", text(record, CloudEventHeaders.TYPE))
                .append("eventId", text(record, CloudEventHeaders.ID))
                .append("reason", Optional.ofNullable(text(record, ConsumerFailures.REASON))
                        .orElse(text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)))
                .append("exception", text(record, KafkaHeaders.DLT_EXCEPTION_FQCN))
                .append("headers", replayedHeaders(record))
                .append("payload", new Binary(record.value() == null ? new byte[0] : record.value()))
                .append("payloadBytes", record.value() == null ? 0 : record.value().length)
                .append("replays", List.of());
        try {
            mongo.insert(letter, COLLECTION);
            log.info("Dead letter {} kept: {} {} of {} ({})", letter.get("_id"), letter.get("type"), letter.get("key"),
                    letter.get("originalTopic"), letter.get("reason"));
            refreshCount();
        } catch (DuplicateKeyException seenBefore) {
            log.debug("Dead letter {} was kept before", letter.get("_id"));
        }
    }

    public PageResponse<Document> page(Status status, PageQuery page) {
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status.name()));
        query.fields().exclude("payload").exclude("headers");
        return MongoPages.find(mongo, query, COLLECTION, Sort.by(Sort.Direction.DESC, "deadLetteredAt"), page, d -> d);
    }

    public Document find(String id) {
        Document letter = mongo.findById(id, Document.class, COLLECTION);
        if (letter == null) {
            throw new NotFound(id);
        }
        return letter;
    }

    /**
     * Applies the record again, with {@code correctedPayload} instead of its own when given (recorded beside the
     * original). A replayed dead letter is not applied again; a discarded one cannot be replayed.
     */
    public Document replay(String id, byte[] correctedPayload, String note) {
        Document letter = find(id);
        Status status = Status.valueOf(letter.getString("status"));
        if (status == Status.REPLAYED) {
            return letter;
        }
        if (status == Status.DISCARDED) {
            throw new Conflict("Dead letter " + id + " was discarded; it cannot be replayed.", status);
        }
        byte[] payload = correctedPayload != null ? correctedPayload : ((Binary) letter.get("payload")).getData();
        Document attempt = new Document("at", Date.from(clock.instant())).append("by", UNATTRIBUTED)
                .append("corrected", correctedPayload != null).append("note", note);
        try {
            replay.apply(message(letter, payload));
        } catch (RuntimeException e) {
            if (StoreUnavailable.causes(e)) {
                throw e;
            }
            String reason = ConsumerFailures.reason(e);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().push("replays", attempt.append("outcome", "FAILED").append("error", reason)), COLLECTION);
            throw new ReplayFailed("Replaying dead letter " + id + " failed: " + reason, e);
        }
        Update replayed = new Update().set("status", Status.REPLAYED.name())
                .set("replayedAt", attempt.getDate("at")).set("replayedBy", UNATTRIBUTED)
                .push("replays", attempt.append("outcome", "APPLIED"));
        if (correctedPayload != null) {
            replayed.set("correctedPayload", new Binary(correctedPayload));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.WAITING.name())), replayed, COLLECTION);
        refreshCount();
        return find(id);
    }

    /** Gives up on a dead letter for {@code reason}; it is kept, marked as discarded, by whom and why. */
    public Document discard(String id, String reason) {
        Document letter = find(id);
        Status status = Status.valueOf(letter.getString("status"));
        if (status == Status.DISCARDED) {
            return letter;
        }
        if (status == Status.REPLAYED) {
            throw new Conflict("Dead letter " + id + " was replayed; there is nothing left to discard.", status);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(Status.WAITING.name())),
                new Update().set("status", Status.DISCARDED.name()).set("discardedAt", Date.from(clock.instant()))
                        .set("discardedBy", UNATTRIBUTED).set("discardReason", reason), COLLECTION);
        refreshCount();
        return find(id);
    }

    /**
     * The dead letters that were replayed, in the order they were, as the records that were applied (with their
     * corrected payload if one was given): a rebuild of read models applies them again after reading the topics,
     * so that what an operator repaired stays repaired.
     */
    public List<Message<byte[]>> replayed() {
        Query query = Query.query(Criteria.where("status").is(Status.REPLAYED.name())).with(Sort.by("replayedAt", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(letter -> {
            Binary payload = (Binary) (letter.get("correctedPayload") != null ? letter.get("correctedPayload") : letter.get("payload"));
            return message(letter, payload.getData());
        }).toList();
    }

    /** Dead letters neither replayed nor discarded, as last counted. */
    public long waiting() {
        return waiting.get();
    }

    void refreshCount() {
        waiting.set(mongo.count(Query.query(Criteria.where("status").is(Status.WAITING.name())), COLLECTION));
    }

    private volatile boolean indexed;

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).named("status"));
            indexed = true;
        }
    }

    /** The record as the consumer first saw it: its own headers (not the dead-letter ones) and its key. */
    private static Message<byte[]> message(Document letter, byte[] payload) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(payload);
        Document headers = letter.get("headers", Document.class);
        if (headers != null) {
            headers.forEach((name, value) -> message.setHeader(name, ((String) value).getBytes(StandardCharsets.UTF_8)));
        }
        if (letter.getString("key") != null) {
            message.setHeader(KafkaHeaders.RECEIVED_KEY, letter.getString("key"));
        }
        return message.build();
    }

    /** The record's own text headers (CloudEvents attributes, content type); the dead-letter ones are kept apart. */
    private static Document replayedHeaders(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            String name = header.key();
            if (name.startsWith("kafka_dlt-") || name.equals(ConsumerFailures.REASON)
                    || name.equals(SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER)
                    || name.equals(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) || header.value() == null) {
                continue;
            }
            headers.put(name, new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Document(headers);
    }

    /** The start of the payload as text, as the API shows it. */
    static String preview(Document letter) {
        Binary payload = (Binary) letter.get("payload");
        if (payload == null) {
            return null;
        }
        String text = new String(payload.getData(), StandardCharsets.UTF_8);
        return text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "…";
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case 4 -> (long) ByteBuffer.wrap(value).getInt();
            case 8 -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }

    private static Date timestamp(ConsumerRecord<?, ?> record) {
        Long millis = number(record, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        return millis == null ? null : Date.from(Instant.ofEpochMilli(millis));
    }
}
