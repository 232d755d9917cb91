package id.simpul.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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

/**
 * Publishes outbox entries to Kafka and removes each from its document only after the broker acknowledged it
 * (acks=all, idempotent producer). Writes tell the relay which document changed, so events leave at once; a
 * periodic sweep finds what nobody announced (a restart, another instance, an outage). While Kafka is away the
 * relay backs off and retries; the entries wait safely in MongoDB.
 *
 * <p>Documents are claimed with a lease before publishing, so several instances of a service can relay the same
 * collection without publishing an event twice in normal operation. Delivery is at least once: after a crash
 * between the broker's acknowledgement and the removal, an event is published again with the same id, which
 * consumers ignore.
 */
public final class OutboxRelay implements SmartLifecycle {

    static final String OUTBOX = "outbox";
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoOperations mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final EventingProperties.Relay settings;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;

    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Hint> hints = new ConcurrentLinkedQueue<>();
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean topicsReady;
    private volatile Instant unavailableSince;
    private Thread worker;

    private record Hint(String collection, String id) {
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
    }

    /** Makes the relay publish the outbox of {@code collection}. */
    public void watch(String collection) {
        collections.add(collection);
    }

    /** Tells the relay that document {@code id} of {@code collection} has new events. */
    public void hint(String collection, String id) {
        hints.add(new Hint(collection, id));
        wakeUp.release();
    }

    /**
     * Publishes every pending event of every watched collection once (the sweep); returns how many Kafka
     * acknowledged. Throws when Kafka could not take them: they stay pending.
     */
    private int publishPending() {
        int count = 0;
        for (String collection : collections) {
            int claimed;
            do {
                Batch batch = claim(collection, null, settings.batchSize());
                claimed = batch.size();
                count += publish(batch);
            } while (claimed == settings.batchSize());
        }
        return count;
    }

    private int publishHinted() {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Hint hint;
        while ((hint = hints.poll()) != null) {
            ids.computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>()).add(hint.id());
        }
        int count = 0;
        for (Map.Entry<String, Set<String>> e : ids.entrySet()) {
            List<String> all = new ArrayList<>(e.getValue());
            for (int from = 0; from < all.size(); from += settings.batchSize()) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + settings.batchSize()));
                count += publish(claim(e.getKey(), Criteria.where(AggregateStore.ID).in(chunk), chunk.size()));
            }
        }
        return count;
    }

    private record Batch(String collection, List<Document> documents) {
        int size() {
            return documents.size();
        }
    }

    /**
     * Leases up to {@code limit} documents with pending events that no live lease holds, and reads them.
     * {@code selection} narrows the search to announced documents; null means all.
     */
    private Batch claim(String collection, Criteria selection, int limit) {
        Date now = Date.from(clock.instant());
        List<Criteria> conditions = new ArrayList<>(List.of(
                Criteria.where(OUTBOX + ".0").exists(true),
                new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now))));
        if (selection != null) {
            conditions.addFirst(selection);
        }
        Criteria claimable = new Criteria().andOperator(conditions);
        Query candidates = Query.query(claimable).limit(limit);
        candidates.fields().include(AggregateStore.ID);
        List<Object> ids = mongo.find(candidates, Document.class, collection).stream().map(d -> d.get(AggregateStore.ID)).toList();
        if (ids.isEmpty()) {
            return new Batch(collection, List.of());
        }
        ensureTopics();
        String token = UUID.randomUUID().toString();
        mongo.updateMulti(Query.query(new Criteria().andOperator(Criteria.where(AggregateStore.ID).in(ids), claimable)),
                new Update().set(LEASE_UNTIL, Date.from(clock.instant().plus(settings.lease()))).set(LEASE_OWNER, token),
                collection);
        Query claimed = Query.query(Criteria.where(AggregateStore.ID).in(ids).and(LEASE_OWNER).is(token));
        claimed.fields().include(AggregateStore.ID).include(OUTBOX);
        return new Batch(collection, mongo.find(claimed, Document.class, collection));
    }

    private record Sent(OutboxEntry entry, CompletableFuture<?> ack) {
    }

    /**
     * Sends every entry of the batch, waits for the acknowledgements, removes what was acknowledged and releases
     * the lease of every document, whatever happened, so that a failed round is retried without waiting for it.
     */
    private int publish(Batch batch) {
        if (batch.size() == 0) {
            return 0;
        }
        Map<Object, List<Sent>> sent = new LinkedHashMap<>();
        for (Document document : batch.documents()) {
            List<Sent> entries = new ArrayList<>();
            for (Document stored : document.getList(OUTBOX, Document.class)) {
                OutboxEntry entry = OutboxEntry.fromDocument(stored);
                entries.add(new Sent(entry, send(entry)));
            }
            sent.put(document.get(AggregateStore.ID), entries);
        }

        Instant deadline = clock.instant().plus(settings.ackTimeout());
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, batch.collection());
        int acknowledged = 0;
        Throwable failure = null;
        for (Map.Entry<Object, List<Sent>> document : sent.entrySet()) {
            List<String> ackedIds = new ArrayList<>();
            for (Sent s : document.getValue()) {
                Throwable problem = awaitAck(s.ack(), deadline);
                if (problem != null) {
                    // Later entries of this aggregate stay too, so its events keep their order on the next try.
                    failure = failure == null ? problem : failure;
                    break;
                }
                ackedIds.add(s.entry().id());
            }
            acknowledged += ackedIds.size();
            Update update = new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER);
            if (!ackedIds.isEmpty()) {
                update.pull(OUTBOX, Query.query(Criteria.where("id").in(ackedIds)).getQueryObject());
            }
            removals.updateOne(Query.query(Criteria.where(AggregateStore.ID).is(document.getKey())), update);
        }
        removals.execute();
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
        int attempt = 0;
        while (running) {
            try {
                int count = publishHinted();
                if (!clock.instant().isBefore(nextSweep)) {
                    count += publishPending();
                    nextSweep = clock.instant().plus(settings.sweepInterval());
                }
                recovered();
                attempt = 0;
                if (count == 0) {
                    wakeUp.tryAcquire(settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                unavailable(e);
                nextSweep = Instant.MIN;
                sleep(backoff(++attempt));
            }
        }
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
