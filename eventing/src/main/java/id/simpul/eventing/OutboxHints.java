package id.simpul.eventing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * When several instances of a service run, one relays each collection's outbox (it holds the lease); the others'
 * writes would wait for its next sweep, which reads the whole collection and so runs only every few seconds. Instead
 * an instance that does not hold the lease names the documents it wrote on {@value #TOPIC} (service, instance,
 * collection, id: never the events), and the instance that holds it, reading that topic as an {@link InstanceFeed},
 * publishes them at once. A lost hint costs only time: the sweep still finds every entry.
 */
public final class OutboxHints implements DisposableBean {

    public static final String TOPIC = "simpul.outbox.hints";

    private final String service;
    /** This instance among the service's, so that it skips its own hints. */
    private final String instance = UUID.randomUUID().toString();
    private final InstanceFeed.Announcements announcements;

    OutboxHints(KafkaProperties kafka, OutboxRelay relay, String service) {
        this.service = service;
        this.announcements = new InstanceFeed.Announcements(kafka);
        relay.forwardTo(this::send);
    }

    /** Names the documents to the relaying instance (called on the relay's own thread, never a request's). */
    void send(String collection, Collection<String> ids) {
        ids.forEach(id -> announcements.send(TOPIC, service + "/" + collection,
                String.join(" ", service, instance, collection, id)));
    }

    /** The feed of the hints every instance of the service sends, handed to this instance's relay. */
    ConcurrentMessageListenerContainer<String, String> listener(KafkaProperties kafka, OutboxRelay relay) {
        return InstanceFeed.container(kafka, service, "outbox-hints", TOPIC, new StringDeserializer(),
                records -> heard(records, relay), () -> { });
    }

    void heard(List<ConsumerRecord<String, String>> records, OutboxRelay relay) {
        for (ConsumerRecord<String, String> record : records) {
            String[] parts = record.value() == null ? new String[0] : record.value().split(" ");
            if (parts.length == 4 && parts[0].equals(service) && !parts[1].equals(instance)) {
                relay.heard(parts[2], parts[3]);
            }
        }
    }

    @Override
    public void destroy() {
        announcements.destroy();
    }
}
