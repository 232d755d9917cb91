package id.simpul.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Routes consumed records to a handler per event type (the {@code ce_type} header), each reading the payload into
 * the consumer's own record type once it has passed the {@link EventContract} (by default the published one).
 * Types without a handler are skipped on purpose (logged and counted): producers may add types that a consumer
 * does not need. A handler that throws has its record retried, then dead-lettered; a record that breaks the
 * contract is dead-lettered at once.
 */
public final class EventHandlers implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    private final String consumer;
    private final Map<String, BiConsumer<IncomingEvent, byte[]>> handlers;
    private final MeterRegistry meters;
    private final EventContract contract;

    private EventHandlers(String consumer, Map<String, BiConsumer<IncomingEvent, byte[]>> handlers, MeterRegistry meters,
                          EventContract contract) {
        this.consumer = consumer;
        this.handlers = Map.copyOf(handlers);
        this.meters = meters;
        this.contract = contract;
    }

    public static Builder builder(String consumer, JsonMapper json, MeterRegistry meters) {
        return new Builder(consumer, json, meters);
    }

    @Override
    public void accept(Message<byte[]> message) {
        IncomingEvent event = IncomingEvent.from(message);
        BiConsumer<IncomingEvent, byte[]> handler = handlers.get(event.type());
        if (handler == null) {
            log.info("{} skips event {} of type {} it does not handle", consumer, event.id(), event.type());
            meters.counter("simpul.events.skipped", "consumer", consumer, "type", event.type()).increment();
            return;
        }
        contract.check(event);
        handler.accept(event, event.payload());
        meters.counter("simpul.events.handled", "consumer", consumer, "type", event.type()).increment();
    }

    public static final class Builder {

        private final String consumer;
        private final JsonMapper json;
        private final MeterRegistry meters;
        private final Map<String, BiConsumer<IncomingEvent, byte[]>> handlers = new HashMap<>();
        private EventContract contract = EventContract.published();

        private Builder(String consumer, JsonMapper json, MeterRegistry meters) {
            this.consumer = consumer;
            this.json = json;
            this.meters = meters;
        }

        /** Checks records against {@code contract} instead of the published one. */
        public Builder contract(EventContract contract) {
            this.contract = contract;
            return this;
        }

        /** Handles {@code type}, its payload read as {@code payloadType}. */
        public <T> Builder on(String type, Class<T> payloadType, BiConsumer<IncomingEvent, T> handler) {
            handlers.put(type, (event, payload) -> handler.accept(event, event.payloadAs(payloadType, json)));
            return this;
        }

        public EventHandlers build() {
            handlers.keySet().stream().filter(type -> !contract.describes(type)).findFirst().ifPresent(type -> {
                throw new IllegalStateException(consumer + " handles " + type + ", which its contract does not describe");
            });
            return new EventHandlers(consumer, handlers, meters, contract);
        }
    }
}
