package id.simpul.eventing;

import id.simpul.contracts.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Kafka records in the CloudEvents 1.0 Kafka binding, binary mode: attributes as {@code ce_*} headers, the JSON
 * payload as the value, the aggregate id as the key.
 */
final class CloudEventRecords {

    static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, entry.id());
        header(headers, CloudEventHeaders.TYPE, entry.type());
        header(headers, CloudEventHeaders.SOURCE, entry.source());
        header(headers, CloudEventHeaders.TIME, entry.time().toString());
        header(headers, CloudEventHeaders.SUBJECT, entry.key());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(entry.topic(), null, entry.time().toEpochMilli(), entry.key(),
                entry.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private CloudEventRecords() {
    }
}
