package id.simpul.eventing;

import id.simpul.platform.access.Allowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /api/admin/consistency}: every aggregate this service stores or keeps a view of, id by id with its
 * version, for {@code ./simpul check} to compare with the topics and the other services.
 */
@RestController
@Tag(name = "Consistency", description = "What this service holds, id by id, for the consistency check")
class ConsistencyController {

    private final AggregateStores stores;
    private final ObjectProvider<ConsistencySource> views;
    private final ObjectProvider<ConsistencySource.Several> severalViews;
    private final ObjectProvider<DeadLetters> deadLetters;
    private final ObjectProvider<Outbox> outbox;
    private final String service;

    ConsistencyController(AggregateStores stores, ObjectProvider<ConsistencySource> views,
                          ObjectProvider<ConsistencySource.Several> severalViews, ObjectProvider<DeadLetters> deadLetters,
                          ObjectProvider<Outbox> outbox, String service) {
        this.outbox = outbox;
        this.stores = stores;
        this.views = views;
        this.severalViews = severalViews;
        this.deadLetters = deadLetters;
        this.service = service;
    }

    /** One kind of aggregate: how many, each id's version, and the ids whose events wait in the outbox. */
    record Holding(int count, Map<String, Long> versions, List<String> pending) {

        static Holding of(ConsistencySource source) {
            Map<String, Long> versions = new TreeMap<>(source.versions());
            return new Holding(versions.size(), versions, List.copyOf(new TreeSet<>(source.pending())));
        }
    }

    /**
     * @param source the {@code ce_source} of the events this service publishes (null when it publishes none)
     */
    record Report(String service, String source, Map<String, Holding> stores, Map<String, Holding> views,
                  Long deadLettersWaiting) {
    }

    @GetMapping("/api/admin/consistency")
    @Allowed(EventingRights.CONSISTENCY_READ)
    @Operation(summary = "Every aggregate held, id by id with its version",
            description = "Stores (the aggregates this service owns, with the ids whose events are not yet published) and "
                    + "views (what it keeps from events). ./simpul check compares them with the topics and each other.")
    Report report() {
        Map<String, Holding> owned = new TreeMap<>();
        stores.sources().forEach(source -> owned.put(source.name(), Holding.of(source)));
        Map<String, Holding> kept = new TreeMap<>();
        java.util.stream.Stream.concat(views.orderedStream(), severalViews.orderedStream().flatMap(s -> s.sources().stream()))
                .filter(ConsistencySource::view).forEach(source -> kept.put(source.name(), Holding.of(source)));
        DeadLetters letters = deadLetters.getIfAvailable();
        if (letters != null) {
            letters.refreshCount();
        }
        Outbox publisher = outbox.getIfAvailable();
        return new Report(service, publisher == null ? null : publisher.source(), owned, kept,
                letters == null ? null : letters.waiting());
    }
}
