package id.simpul.eventing;

import id.simpul.platform.Actor;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns domain events into outbox entries: a fresh event id, the catalogued type and topic, the JSON payload, and the
 * actor of the change ({@link Actor#current()}), when one is known.
 */
public final class Outbox {

    private final EventCatalog catalog;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;

    public Outbox(EventCatalog catalog, JsonMapper json, String source, Clock clock) {
        this.catalog = catalog;
        this.json = json;
        this.source = source;
        this.clock = clock;
    }

    public List<OutboxEntry> entriesFor(List<?> events) {
        Instant now = clock.instant();
        return events.stream().map(event -> entryFor(event, now)).toList();
    }

    private OutboxEntry entryFor(Object event, Instant time) {
        EventCatalog.Entry<?> entry = catalog.entryFor(event);
        return new OutboxEntry(UUID.randomUUID().toString(), entry.type(), entry.topic(), entry.keyOf(event), source,
                time, json.writeValueAsString(event), Actor.current().orElse(null));
    }

    /** The CloudEvents {@code ce_source} of this service's events. */
    public String source() {
        return source;
    }

    public EventCatalog catalog() {
        return catalog;
    }
}
