package id.simpul.eventing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The events a service publishes: for each event class, its type name and topic (constants from the contracts,
 * never derived from the class) and how to read its aggregate id, which becomes the Kafka key.
 */
public final class EventCatalog {

    /** How one event class goes on the wire. */
    public record Entry<E>(Class<E> eventClass, String type, String topic, Function<E, String> aggregateId) {

        String keyOf(Object event) {
            return aggregateId.apply(eventClass.cast(event));
        }
    }

    private final Map<Class<?>, Entry<?>> entries;

    private EventCatalog(Map<Class<?>, Entry<?>> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Entry<?> entryFor(Object event) {
        Entry<?> entry = entries.get(event.getClass());
        if (entry == null) {
            throw new IllegalArgumentException("No event type registered for " + event.getClass().getName());
        }
        return entry;
    }

    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        entries.values().forEach(e -> topics.add(e.topic()));
        return topics;
    }

    public static final class Builder {

        private final Map<Class<?>, Entry<?>> entries = new LinkedHashMap<>();

        public <E> Builder event(Class<E> eventClass, String type, String topic, Function<E, String> aggregateId) {
            if (entries.values().stream().anyMatch(e -> e.type().equals(type))) {
                throw new IllegalArgumentException("Event type " + type + " registered twice");
            }
            entries.put(eventClass, new Entry<>(eventClass, type, topic, aggregateId));
            return this;
        }

        public EventCatalog build() {
            return new EventCatalog(entries);
        }
    }
}
