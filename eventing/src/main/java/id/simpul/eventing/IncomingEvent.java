package id.simpul.eventing;

import id.simpul.contracts.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A consumed Kafka record read as a CloudEvent: its attributes from the {@code ce_*} headers, its JSON payload. */
public record IncomingEvent(String id, String type, String source, Instant time, String subject, String key,
                            byte[] payload) {

    private static final String KAFKA_PREFIX = "ce_";

    /** Reads the CloudEvents attributes; an {@link UnreadableEventException} when a required one is missing. */
    public static IncomingEvent from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String time = text(headers, CloudEventHeaders.TIME);
        Instant parsedTime;
        try {
            parsedTime = time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("ce_time is not an RFC 3339 time: " + time, e);
        }
        return new IncomingEvent(
                required(headers, CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.TYPE),
                text(headers, CloudEventHeaders.SOURCE),
                parsedTime,
                text(headers, CloudEventHeaders.SUBJECT),
                text(headers, KafkaHeaders.RECEIVED_KEY),
                message.getPayload());
    }

    /** Reads a record taken from Kafka directly (not through a binding), such as a rebuild reads. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        if (record.key() != null) {
            message.setHeader(KafkaHeaders.RECEIVED_KEY, record.key());
        }
        return from(message.build());
    }

    /**
     * The records of a batch (a binding's {@code batch-mode}, with {@code use-native-decoding} so that the payloads
     * stay Kafka's bytes), each read as a CloudEvent when the consumer comes to it: the binder hands the payloads as a
     * list and each record's headers as a list in the same order.
     */
    @SuppressWarnings("unchecked")
    public static List<Supplier<IncomingEvent>> batch(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<Object> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<Supplier<IncomingEvent>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            int at = i;
            records.add(() -> {
                MessageBuilder<byte[]> message = MessageBuilder.withPayload(payloads.get(at) == null ? new byte[0] : payloads.get(at));
                if (headers != null && headers.get(at) != null) {
                    message.copyHeaders(headers.get(at));
                }
                if (keys != null && keys.get(at) != null) {
                    message.setHeader(KafkaHeaders.RECEIVED_KEY, keys.get(at));
                }
                return from(message.build());
            });
        }
        return records;
    }

    public <T> T payloadAs(Class<T> type, JsonMapper json) {
        try {
            return json.readValue(payload, type);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Payload of " + type() + " " + id() + " is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static String required(MessageHeaders headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("Record without the CloudEvents header " + name
                    + " (headers: " + headers.keySet().stream().sorted().toList() + ")", null);
        }
        return value;
    }

    /**
     * A header's text. CloudEvents attributes are looked up under each binding's prefix: Spring Cloud Function may
     * hand a Kafka record's {@code ce_id} to the handler as {@code ce-id}.
     */
    private static String text(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith(KAFKA_PREFIX)) {
            String attribute = name.substring(KAFKA_PREFIX.length());
            value = headers.get("ce-" + attribute);
            if (value == null) {
                value = headers.get("ce." + attribute);
            }
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
