package id.simpul.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Publishes outbox entries to Kafka and removes each from its document only after the broker acknowledged it
 * (acks=all, idempotent producer). Writes tell the relay which document changed, so events leave at once; a
 * periodic sweep finds what nobody announced (a restart, another instance, an outage). While Kafka is away the
 * relay backs off and retries; the entries wait safely in MongoDB.
 *
 * <p>Several instances of a service may run: one of them at a time relays a collection, holding a lease on it in
 * {@code outbox_relay_locks} that it renews every round; when it stops or dies, another takes over once the lease
 * has run out (its sweep then publishes what the others stored). So an event is not published twice in normal
 * operation, and the per-event work needs no more than reads and writes by id.
 *
 * <p>Each event is published once even across crashes: entries that were already in the outbox when this instance
 * took a collection over (it started, or another instance died holding the lease), and entries of a round that
 * failed, may have reached Kafka without being removed; before sending one of those, the relay reads back its
 * partition ({@link PublishedEntries}) and only removes it if it is there. Consumers still ignore duplicates (an event
 * id seen twice) should one slip through.
 */
public final class OutboxRelay implements SmartLifecycle {

    static final String OUTBOX = "outbox";
    static final String LOCKS = "outbox_relay_locks";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_SWEEP_INTERVAL = Duration.ofSeconds(30);

    private final MongoOperations mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final EventingProperties.Relay settings;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final Counter foundPublished;
    private final PublishedEntries publishedEntries;
    /** Per collection: entries created before this time may have been published by an earlier relay. */
    private final Map<String, Instant> suspectBefore = new ConcurrentHashMap<>();
    /** Entries of rounds that failed: Kafka may have them although it did not acknowledge them. */
    private final Set<String> suspectIds = ConcurrentHashMap.newKeySet();

    private final String instance = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Hint> hints = new ConcurrentLinkedQueue<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile BiConsumer<String, Collection<String>> forwarder = (collection, ids) -> { };
    private volatile boolean running;
    private volatile boolean topicsReady;
    private volatile Instant unavailableSince;
    private Thread worker;

    /** A document with new events; {@code own} when written here, which another relay may need to be told of. */
    private record Hint(String collection, String id, boolean own) {
    }

    public OutboxRelay(MongoOperations mongo, KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin,
                       EventingProperties.Relay settings, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.admin = admin;
        this.settings = settings;
        this.clock = clock;
        this.published = Counter.builder("simpul.outbox.published").description("Events acknowledged by Kafka")
                .register(meters);
        this.failures = Counter.builder("simpul.outbox.failures").description("Relay rounds that failed")
                .register(meters);
        this.foundPublished = Counter.builder("simpul.outbox.found.published")
                .description("Events found on Kafka already (published by a relay that stopped before removing them)")
                .register(meters);
        this.publishedEntries = new PublishedEntries(admin.getConfigurationProperties());
    }

    /** Makes the relay publish the outbox of {@code collection}. */
    public void watch(String collection) {
        collections.add(collection);
    }

    /** Tells the relay that document {@code id} of {@code collection} has new events. */
    public void hint(String collection, String id) {
        hints.add(new Hint(collection, id, true));
        wakeUp.release();
    }

    /** Another instance stored new events in document {@code id}: published here if this instance relays it. */
    public void heard(String collection, String id) {
        hints.add(new Hint(collection, id, false));
        wakeUp.release();
    }

    /**
     * Where this instance's own writes go when another instance relays their collection ({@link OutboxHints}):
     * the relay holding the lease publishes them at once instead of at its next sweep.
     */
    public void forwardTo(BiConsumer<String, Collection<String>> forwarder) {
        this.forwarder = forwarder;
    }

    /** What a sweep did: events Kafka acknowledged, and whether it found any that no write had announced. */
    private record Sweep(int published, boolean foundUnannounced) {
    }

    /**
     * Publishes every pending event of every watched collection once (the sweep). An event older than the sweep
     * interval counts as unannounced (a write's own announcement publishes it within milliseconds); younger ones are
     * most likely being published from their announcement right now. Throws when Kafka could not take them: they
     * stay pending.
     */
    private Sweep publishPending() {
        int count = 0;
        boolean unannounced = false;
        Instant announcedSince = clock.instant().minus(settings.sweepInterval());
        for (String collection : collections) {
            if (!holdsLease(collection)) {
                continue;
            }
            List<Object> ids = new ArrayList<>();
            for (Document d : mongo.find(pending(), Document.class, collection)) {
                ids.add(d.get(AggregateStore.ID));
                unannounced |= unannounced(d, announcedSince);
            }
            count += publishAll(collection, ids);
        }
        return new Sweep(count, unannounced);
    }

    /** The documents with pending events, as a sweep reads them: the id and each entry's time. */
    static Query pending() {
        Query pending = Query.query(Criteria.where(OUTBOX + ".0").exists(true));
        pending.fields().include(AggregateStore.ID).include(OUTBOX + ".time");
        return pending;
    }

    /** Whether a document read by {@link #pending()} holds an event stored before {@code since} (or of unknown time). */
    static boolean unannounced(Document pending, Instant since) {
        return pending.getList(OUTBOX, Document.class, List.of()).stream()
                .anyMatch(e -> !(e.get("time") instanceof Date time) || time.toInstant().isBefore(since));
    }

    /**
     * Publishes the documents the writes announced, where this instance holds the collection's lease; its own
     * writes to a collection another instance relays are forwarded to that one (heard ones are not, so that two
     * instances never pass a hint back and forth).
     */
    private int publishHinted() {
        Map<String, Set<Object>> ids = new LinkedHashMap<>();
        Map<String, Set<String>> own = new LinkedHashMap<>();
        Hint hint;
        while ((hint = hints.poll()) != null) {
            ids.computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>()).add(hint.id());
            if (hint.own()) {
                own.computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>()).add(hint.id());
            }
        }
        int count = 0;
        for (Map.Entry<String, Set<Object>> e : ids.entrySet()) {
            if (holdsLease(e.getKey())) {
                count += publishHeld(e.getKey(), new ArrayList<>(e.getValue()));
            } else if (own.containsKey(e.getKey())) {
                forwarder.accept(e.getKey(), own.get(e.getKey()));
            }
        }
        return count;
    }

    private int publishAll(String collection, List<Object> ids) {
        if (ids.isEmpty() || !holdsLease(collection)) {
            return 0;
        }
        return publishHeld(collection, ids);
    }

    private int publishHeld(String collection, List<Object> ids) {
        int count = 0;
        for (int from = 0; from < ids.size(); from += settings.batchSize()) {
            count += publish(claim(collection, ids.subList(from, Math.min(ids.size(), from + settings.batchSize()))));
        }
        return count;
    }

    private record Batch(String collection, List<Document> documents) {
        int size() {
            return documents.size();
        }
    }

    /** Those of the documents {@code ids} that have pending events, read by id (which every index answers). */
    private Batch claim(String collection, List<Object> ids) {
        Query query = Query.query(Criteria.where(AggregateStore.ID).in(ids));
        query.fields().include(AggregateStore.ID).include(OUTBOX);
        List<Document> pending = mongo.find(query, Document.class, collection).stream()
                .filter(d -> !d.getList(OUTBOX, Document.class, List.of()).isEmpty())
                .toList();
        if (!pending.isEmpty()) {
            ensureTopics();
        }
        return new Batch(collection, pending);
    }

    /**
     * Takes or renews this instance's lease on relaying {@code collection}; false while another live instance holds
     * it. The lock documents are few (one per collection), so the conditional update reads little.
     */
    private boolean holdsLease(String collection) {
        Instant now = clock.instant();
        Update lease = new Update().set("owner", instance).set("until", Date.from(now.plus(settings.lease())));
        Query ownOrExpired = Query.query(Criteria.where("_id").is(collection)
                .orOperator(Criteria.where("owner").is(instance), Criteria.where("until").lt(Date.from(now))));
        Document before = mongo.findAndModify(ownOrExpired, lease, Document.class, LOCKS);
        if (before != null) {
            if (!instance.equals(before.getString("owner"))) {
                takenOver(collection, now);
            }
            return true;
        }
        try {
            mongo.insert(new Document("_id", collection).append("owner", instance).append("until", Date.from(now.plus(settings.lease()))), LOCKS);
            takenOver(collection, now);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** What is in the outbox now may have been published by the relay that held {@code collection} before. */
    private void takenOver(String collection, Instant now) {
        suspectBefore.put(collection, now);
    }

    private boolean suspect(String collection, OutboxEntry entry) {
        Instant before = suspectBefore.get(collection);
        return (before != null && entry.time().isBefore(before)) || suspectIds.contains(entry.id());
    }

    private void releaseLeases() {
        mongo.updateMulti(Query.query(Criteria.where("owner").is(instance)), new Update().set("until", new Date(0)), LOCKS);
    }

    private record Sent(OutboxEntry entry, CompletableFuture<?> ack) {
    }

    /** Sends every entry of the batch (each aggregate's in order), waits for the acknowledgements and removes what was acknowledged. */
    private int publish(Batch batch) {
        if (batch.size() == 0) {
            return 0;
        }
        Map<Object, List<OutboxEntry>> pending = new LinkedHashMap<>();
        List<OutboxEntry> suspects = new ArrayList<>();
        for (Document document : batch.documents()) {
            List<OutboxEntry> entries = document.getList(OUTBOX, Document.class).stream().map(OutboxEntry::fromDocument).toList();
            pending.put(document.get(AggregateStore.ID), entries);
            entries.stream().filter(entry -> suspect(batch.collection(), entry)).forEach(suspects::add);
        }
        Set<String> alreadyPublished = suspects.isEmpty() ? Set.of() : publishedEntries.published(suspects);
        if (!alreadyPublished.isEmpty()) {
            log.info("{} events of {} were on Kafka already (a relay stopped before removing them); removed without "
                    + "publishing them again", alreadyPublished.size(), batch.collection());
            foundPublished.increment(alreadyPublished.size());
        }
        // An aggregate's entries go out one after another: the next is sent once the one before it is acknowledged.
        // Kafka keeps the order of the sends that reach it, but a send that failed (a batch that expired while the
        // broker was away) may be followed by a later one that got through; the event would then be sent again
        // after its successor. Entries of different aggregates are sent together.
        Instant deadline = clock.instant().plus(settings.ackTimeout());
        Map<Object, List<String>> acked = new LinkedHashMap<>();
        Set<Object> stopped = new java.util.HashSet<>();
        Throwable failure = null;
        for (int wave = 0; ; wave++) {
            Map<Object, Sent> sent = new LinkedHashMap<>();
            for (Map.Entry<Object, List<OutboxEntry>> document : pending.entrySet()) {
                if (!stopped.contains(document.getKey()) && wave < document.getValue().size()) {
                    OutboxEntry entry = document.getValue().get(wave);
                    // Unsure until its removal is stored: a failure anywhere after the send leaves it to be checked.
                    suspectIds.add(entry.id());
                    sent.put(document.getKey(), new Sent(entry, alreadyPublished.contains(entry.id())
                            ? CompletableFuture.completedFuture(null) : send(entry)));
                }
            }
            if (sent.isEmpty()) {
                break;
            }
            for (Map.Entry<Object, Sent> s : sent.entrySet()) {
                Throwable problem = awaitAck(s.getValue().ack(), deadline);
                if (problem != null) {
                    // Later entries of this aggregate stay too, so its events keep their order on the next try.
                    failure = failure == null ? problem : failure;
                    stopped.add(s.getKey());
                } else {
                    acked.computeIfAbsent(s.getKey(), id -> new ArrayList<>()).add(s.getValue().entry().id());
                }
            }
        }

        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, batch.collection());
        int acknowledged = 0;
        List<String> removed = new ArrayList<>();
        for (Map.Entry<Object, List<String>> document : acked.entrySet()) {
            List<String> ackedIds = document.getValue();
            acknowledged += ackedIds.size();
            removed.addAll(ackedIds);
            removals.updateOne(Query.query(Criteria.where(AggregateStore.ID).is(document.getKey())),
                    new Update().pull(OUTBOX, Query.query(Criteria.where("id").in(ackedIds)).getQueryObject()));
        }
        if (acknowledged > 0) {
            removals.execute();
        }
        removed.forEach(suspectIds::remove);
        published.increment(acknowledged);
        if (failure != null) {
            throw new KafkaUnavailableException("Kafka did not acknowledge every event of " + batch.collection(), failure);
        }
        return acknowledged;
    }

    private CompletableFuture<?> send(OutboxEntry entry) {
        try {
            return kafka.send(CloudEventRecords.toRecord(entry));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable awaitAck(CompletableFuture<?> ack, Instant deadline) {
        try {
            ack.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (Exception e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }

    /** Creates the declared topics with their partitions before the first publication (Kafka may have been down at start). */
    private void ensureTopics() {
        if (!topicsReady) {
            topicsReady = admin.initialize();
            if (!topicsReady) {
                throw new KafkaUnavailableException("Could not create or check the topics", null);
            }
        }
    }

    private void loop() {
        Instant nextSweep = Instant.MIN;
        Duration sweepEvery = settings.sweepInterval();
        int attempt = 0;
        while (running) {
            try {
                int count = publishHinted();
                // The sweep reads the whole collection: it runs when the announced events are done, not during a burst.
                if (count == 0 && !clock.instant().isBefore(nextSweep)) {
                    Sweep swept = publishPending();
                    count += swept.published();
                    // While writes announce their events, sweep less and less often: at 100,000 KIMs a sweep reads
                    // the collection for 2-3 s of the Mongo-wire server's time.
                    sweepEvery = swept.foundUnannounced() ? settings.sweepInterval() : min(sweepEvery.multipliedBy(2), MAX_SWEEP_INTERVAL);
                    nextSweep = clock.instant().plus(sweepEvery);
                }
                recovered();
                attempt = 0;
                if (count == 0) {
                    wakeUp.tryAcquire(Duration.between(clock.instant(), nextSweep).toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                unavailable(e);
                nextSweep = Instant.MIN;
                sweepEvery = settings.sweepInterval();
                sleep(backoff(++attempt));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Duration backoff(int attempt) {
        long millis = Math.min(settings.maxBackoff().toMillis(), 200L << Math.min(attempt, 10));
        return Duration.ofMillis(millis);
    }

    private void unavailable(RuntimeException e) {
        if (unavailableSince == null) {
            unavailableSince = clock.instant();
            log.warn("Outbox relay cannot publish; events stay stored and are retried: {}", rootMessage(e), e);
        } else {
            log.debug("Outbox relay still cannot publish: {}", rootMessage(e));
        }
    }

    private void recovered() {
        if (unavailableSince != null) {
            log.info("Outbox relay publishes again after {} s", Duration.between(unavailableSince, clock.instant()).toSeconds());
            unavailableSince = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void sleep(Duration duration) {
        try {
            wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Since when the relay has failed to publish, or null while it publishes. */
    public Instant unavailableSince() {
        return unavailableSince;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            wakeUp.release();
            try {
                // Let a batch in flight finish, so its acknowledged events are removed and not sent again.
                worker.join(settings.ackTimeout().toMillis());
                // Another instance may take over at once rather than after the lease.
                releaseLeases();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Could not release the outbox relay leases; another instance takes over when they expire", e);
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the Kafka producer and the MongoDB client it uses.
        return Integer.MAX_VALUE - 1000;
    }

    /** Kafka (or the topics) could not take the events; they stay in the outbox. */
    public static final class KafkaUnavailableException extends RuntimeException {
        KafkaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
