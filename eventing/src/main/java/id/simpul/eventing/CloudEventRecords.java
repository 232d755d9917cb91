package id.simpul.eventing;

import id.simpul.contracts.CloudEventHeaders;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Kafka records in the CloudEvents 1.0 Kafka binding, binary mode, written by the CloudEvents SDK: attributes as
 * {@code ce_*} headers, the JSON payload as the value, the aggregate id as the key, and the actor of the change as
 * the extension attributes {@code actorid}, {@code actorroles} and {@code actorscope} when one is known.
 */
final class CloudEventRecords {

    static ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(entry.id())
                .withType(entry.type())
                .withSource(URI.create(entry.source()))
                .withTime(entry.time().atOffset(ZoneOffset.UTC))
                .withSubject(entry.key())
                .withDataContentType(CloudEventHeaders.JSON)
                .withData(entry.payload().getBytes(StandardCharsets.UTF_8));
        if (entry.actor() != null) {
            event.withExtension(CloudEventHeaders.ACTOR_ID, entry.actor().id())
                    .withExtension(CloudEventHeaders.ACTOR_ROLES, String.join(",", entry.actor().roles()))
                    .withExtension(CloudEventHeaders.ACTOR_SCOPE, entry.actor().regionScope());
        }
        CloudEvent built = event.build();
        return KafkaMessageFactory.createWriter(entry.topic(), null, entry.time().toEpochMilli(), entry.key())
                .writeBinary(built);
    }

    private CloudEventRecords() {
    }
}
