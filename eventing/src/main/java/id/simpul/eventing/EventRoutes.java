package id.simpul.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The one way Simpul's consumers dispatch events: a route per event type (the {@code ce_type} header) reads the
 * payload into the consumer's own record type, once the record has passed the {@link EventContract} (by default the
 * published one), and makes of it what the consumer does with the event ({@code R}: a write to run, a step on a
 * read-model document). Types without a route are skipped on purpose (logged and counted as
 * {@code simpul.events.skipped}): producers may add types that a consumer does not need. A record that breaks the
 * contract or cannot be read throws an {@link UnreadableEventException}, which the consumers dead-letter at once.
 *
 * @param <R> what a route makes of an event
 */
public final class EventRoutes<R> {

    private static final Logger log = LoggerFactory.getLogger(EventRoutes.class);

    private final String consumer;
    private final Map<String, BiFunction<IncomingEvent, JsonMapper, R>> routes;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final EventContract contract;
    /** The counters by event type, looked up once (a meter's lookup costs more than the event's count). */
    private final Map<String, Counter> handled = new ConcurrentHashMap<>();
    private final Map<String, Counter> skipped = new ConcurrentHashMap<>();

    private EventRoutes(Builder<R> builder) {
        this.consumer = builder.consumer;
        this.routes = Map.copyOf(builder.routes);
        this.json = builder.json;
        this.meters = builder.meters;
        this.contract = builder.contract;
    }

    public static <R> Builder<R> builder(String consumer, JsonMapper json, MeterRegistry meters) {
        return new Builder<>(consumer, json, meters);
    }

    /**
     * What the route of {@code event}'s type makes of it, the record checked against the contract first; null (logged
     * and counted) for a type this consumer does not handle.
     */
    public R route(IncomingEvent event) {
        BiFunction<IncomingEvent, JsonMapper, R> route = routes.get(event.type());
        if (route == null) {
            log.info("{} skips event {} of type {} it does not handle", consumer, event.id(), event.type());
            skipped.computeIfAbsent(event.type(), type -> meters.counter("simpul.events.skipped", "consumer", consumer,
                    "type", type)).increment();
            return null;
        }
        contract.check(event);
        return route.apply(event, json);
    }

    /** Counts {@code event} as handled ({@code simpul.events.handled}), once the consumer has applied it. */
    public void handled(IncomingEvent event) {
        handled.computeIfAbsent(event.type(), type -> meters.counter("simpul.events.handled", "consumer", consumer,
                "type", type)).increment();
    }

    public static final class Builder<R> {

        private final String consumer;
        private final JsonMapper json;
        private final MeterRegistry meters;
        private final Map<String, BiFunction<IncomingEvent, JsonMapper, R>> routes = new HashMap<>();
        private EventContract contract = EventContract.published();

        private Builder(String consumer, JsonMapper json, MeterRegistry meters) {
            this.consumer = consumer;
            this.json = json;
            this.meters = meters;
        }

        /** Checks records against {@code contract} instead of the published one. */
        public Builder<R> contract(EventContract contract) {
            this.contract = contract;
            return this;
        }

        /** Routes {@code type}, its payload read as {@code payloadType}. */
        public <T> Builder<R> on(String type, Class<T> payloadType, BiFunction<IncomingEvent, T, R> route) {
            if (routes.putIfAbsent(type, (event, mapper) -> route.apply(event, event.payloadAs(payloadType, mapper))) != null) {
                throw new IllegalStateException(consumer + " routes " + type + " twice");
            }
            return this;
        }

        public EventRoutes<R> build() {
            routes.keySet().stream().filter(type -> !contract.describes(type)).findFirst().ifPresent(type -> {
                throw new IllegalStateException(consumer + " handles " + type + ", which its contract does not describe");
            });
            return new EventRoutes<>(this);
        }
    }
}
