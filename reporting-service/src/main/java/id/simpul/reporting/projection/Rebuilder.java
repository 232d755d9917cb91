package id.simpul.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import id.simpul.contracts.Topics;
import id.simpul.eventing.DeadLetters;
import id.simpul.eventing.IncomingEvent;
import id.simpul.eventing.UnknownAggregateException;
import id.simpul.eventing.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds the read models from the beginning of every topic into a new generation while the current one stays
 * served. The live consumer writes each event it applies to the new generation too from the moment the rebuild
 * starts; the rebuild then reads every partition from its beginning up to where it ended a moment later, so that
 * between the two every event reaches the new generation. Then the new generation is served and the old one dropped.
 * Applying an event twice changes nothing, so the overlap is harmless. Dead letters that were replayed are applied
 * again after the topics, so that a rebuild keeps what an operator repaired.
 */
@Component
public class Rebuilder {

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final String STATUS_ID = "rebuild";
    private static final Duration STALE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    public enum State { RUNNING, DONE, FAILED }

    /** A rebuild as it stands. */
    public record Status(State state, int generation, Instant startedAt, Instant finishedAt, long recordsRead,
                         long recordsToRead, long recordsSkipped, String error) {
    }

    /** Another rebuild runs. */
    public static class AlreadyRunningException extends RuntimeException {
        AlreadyRunningException(String message) {
            super(message);
        }
    }

    private final Generations generations;
    private final Projector projector;
    private final DeadLetters deadLetters;
    private final MongoOperations mongo;
    private final String bootstrapServers;
    private final Duration settle;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("rebuild").daemon().factory());

    Rebuilder(Generations generations, Projector projector, DeadLetters deadLetters, MongoOperations mongo,
              @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
              @Value("${simpul.reporting.generations-refresh:1000}") long refreshMillis, Clock clock) {
        this.generations = generations;
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.mongo = mongo;
        this.bootstrapServers = bootstrapServers;
        this.settle = Duration.ofMillis(2 * refreshMillis);
        this.clock = clock;
    }

    /** The last rebuild, if any ran. */
    public Status status() {
        Document stored = statusCollection().find(Filters.eq("_id", STATUS_ID)).first();
        if (stored == null) {
            return null;
        }
        Status status = statusOf(stored);
        if (status.state() == State.RUNNING && stored.getDate("heartbeatAt").toInstant().isBefore(clock.instant().minus(STALE))) {
            return new Status(State.FAILED, status.generation(), status.startedAt(), null, status.recordsRead(),
                    status.recordsToRead(), status.recordsSkipped(), "The rebuild stopped without finishing (its service stopped?)");
        }
        return status;
    }

    /** Starts a rebuild into a new generation; an {@link AlreadyRunningException} when one runs. */
    public synchronized Status start() {
        Generations.State state = generations.state();
        if (state.building() != null) {
            Document stored = statusCollection().find(Filters.eq("_id", STATUS_ID)).first();
            Date heartbeat = stored == null ? null : stored.getDate("heartbeatAt");
            if (heartbeat != null && heartbeat.toInstant().isAfter(clock.instant().minus(STALE))) {
                throw new AlreadyRunningException("A rebuild into generation " + state.building() + " runs since "
                        + stored.getDate("startedAt").toInstant() + "; wait for it to finish (GET /api/admin/projections)");
            }
            log.warn("Abandoning generation {}: its rebuild stopped without finishing", state.building());
            generations.abandon(state.building());
            generations.drop(state.building());
            state = generations.state();
        }
        int generation = state.current() + 1;
        generations.drop(generation);
        if (!generations.startBuilding(generation)) {
            throw new AlreadyRunningException("Another instance started a rebuild a moment ago");
        }
        Status started = new Status(State.RUNNING, generation, clock.instant(), null, 0, 0, 0, null);
        save(started);
        int previous = state.current();
        worker.submit(() -> run(started, previous));
        return started;
    }

    private void run(Status started, int previous) {
        Status status = started;
        try {
            Thread.sleep(settle);
            status = replay(status);
            generations.switchTo(status.generation());
            status = new Status(State.DONE, status.generation(), status.startedAt(), clock.instant(), status.recordsRead(),
                    status.recordsToRead(), status.recordsSkipped(), null);
            save(status);
            log.info("Rebuilt the read models into generation {} from {} records ({} skipped); generation {} is dropped",
                    status.generation(), status.recordsRead(), status.recordsSkipped(), previous);
            Thread.sleep(settle);
            generations.drop(previous);
        } catch (Exception e) {
            log.error("Rebuild into generation {} failed", status.generation(), e);
            generations.abandon(status.generation());
            generations.drop(status.generation());
            save(new Status(State.FAILED, status.generation(), status.startedAt(), clock.instant(), status.recordsRead(),
                    status.recordsToRead(), status.recordsSkipped(), String.valueOf(e.getMessage())));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads every partition of every topic from its beginning up to its end as it stands now. */
    private Status replay(Status status) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.CLIENT_ID_CONFIG, "simpul-reporting-rebuild-g" + status.generation()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.all()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            long toRead = partitions.stream().mapToLong(p -> ends.get(p) - beginnings.get(p)).sum();
            long read = 0;
            long skipped = 0;
            Instant beat = clock.instant();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    read++;
                    try {
                        if (projector.applyRebuilding(IncomingEvent.from(record), status.generation()) == Projector.Outcome.SKIPPED) {
                            skipped++;
                        }
                    } catch (UnreadableEventException | UnknownAggregateException e) {
                        skipped++;
                        log.warn("Rebuild skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
                if (Duration.between(beat, clock.instant()).compareTo(HEARTBEAT) >= 0) {
                    beat = clock.instant();
                    save(new Status(State.RUNNING, status.generation(), status.startedAt(), null, read, toRead, skipped, null));
                }
            }
            // What an operator replayed from the dead letters is part of the read models too.
            for (Message<byte[]> letter : deadLetters.replayed()) {
                read++;
                try {
                    projector.applyRebuilding(IncomingEvent.from(letter), status.generation());
                } catch (UnreadableEventException | UnknownAggregateException e) {
                    skipped++;
                    log.warn("Rebuild skips a replayed dead letter of {}: {}", letter.getHeaders().get("ce_type"), e.getMessage());
                }
            }
            return new Status(State.RUNNING, status.generation(), status.startedAt(), null, read, toRead, skipped, null);
        }
    }

    private void save(Status status) {
        Document document = new Document("_id", STATUS_ID)
                .append("state", status.state().name())
                .append("generation", status.generation())
                .append("startedAt", Stamps.date(status.startedAt()))
                .append("finishedAt", Stamps.date(status.finishedAt()))
                .append("recordsRead", status.recordsRead())
                .append("recordsToRead", status.recordsToRead())
                .append("recordsSkipped", status.recordsSkipped())
                .append("error", status.error())
                .append("heartbeatAt", Date.from(clock.instant()));
        statusCollection().replaceOne(Filters.eq("_id", STATUS_ID), document, new ReplaceOptions().upsert(true));
    }

    private static Status statusOf(Document stored) {
        Date finished = stored.getDate("finishedAt");
        return new Status(State.valueOf(stored.getString("state")), stored.getInteger("generation"),
                stored.getDate("startedAt").toInstant(), finished == null ? null : finished.toInstant(),
                ((Number) stored.get("recordsRead")).longValue(), ((Number) stored.get("recordsToRead")).longValue(),
                ((Number) stored.get("recordsSkipped")).longValue(), stored.getString("error"));
    }

    private MongoCollection<Document> statusCollection() {
        return mongo.getCollection(Generations.META);
    }
}
