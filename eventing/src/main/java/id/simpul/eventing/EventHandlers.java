package id.simpul.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A consumer of single records whose handlers write at once, dispatched by {@link EventRoutes} (skipping types it has
 * no handler for, checking the contract). A handler that throws has its record retried, then dead-lettered; a record
 * that breaks the contract is dead-lettered at once.
 */
public final class EventHandlers implements Consumer<Message<byte[]>> {

    private final EventRoutes<Runnable> routes;

    private EventHandlers(EventRoutes<Runnable> routes) {
        this.routes = routes;
    }

    public static Builder builder(String consumer, JsonMapper json, MeterRegistry meters) {
        return new Builder(EventRoutes.builder(consumer, json, meters));
    }

    @Override
    public void accept(Message<byte[]> message) {
        IncomingEvent event = IncomingEvent.from(message);
        Runnable handler = routes.route(event);
        if (handler != null) {
            handler.run();
            routes.handled(event);
        }
    }

    public static final class Builder {

        private final EventRoutes.Builder<Runnable> routes;

        private Builder(EventRoutes.Builder<Runnable> routes) {
            this.routes = routes;
        }

        /** Checks records against {@code contract} instead of the published one. */
        public Builder contract(EventContract contract) {
            routes.contract(contract);
            return this;
        }

        /** Handles {@code type}, its payload read as {@code payloadType}. */
        public <T> Builder on(String type, Class<T> payloadType, BiConsumer<IncomingEvent, T> handler) {
            routes.on(type, payloadType, (event, payload) -> () -> handler.accept(event, payload));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(routes.build());
        }
    }
}
