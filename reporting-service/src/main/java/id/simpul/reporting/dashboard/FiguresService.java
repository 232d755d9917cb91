package id.simpul.reporting.dashboard;

import id.simpul.regions.RegionDataset;
import id.simpul.reporting.projection.Generations;
import id.simpul.reporting.projection.Projector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps the current figures. They are counted once from the rows of the served generation held in memory
 * ({@link ServedRows}, kept up from the documents this instance writes and those other instances announce), then kept
 * up change by change: every tick applies the rows that changed since the last one ({@link Figures#apply}), which
 * costs what the changes touch, not what is held. Beside that, on a thread of its own, the rows are read afresh from
 * the database when another generation is served and every {@code simpul.reporting.figures-refresh}; the next tick
 * then counts the figures from nothing (changes wait for that count), which also brings the development index's
 * recency up to date.
 * Listeners hear of every new set of figures that differs from the last.
 */
@Service
class FiguresService {

    private static final Logger log = LoggerFactory.getLogger(FiguresService.class);

    /** A new set of figures, numbered. */
    public record Change(long sequence, Figures figures) {
    }

    private final ServedRows rows;
    private final Generations generations;
    private final Projector projector;
    private final RegionDataset regions;
    private final Clock clock;
    private final Duration interval;
    private final Duration refresh;
    private final Timer computing;
    private final Timer reading;
    private final Timer counting;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    private volatile Figures figures;
    private volatile long sequence;
    private volatile Instant readAt = Instant.MIN;
    private volatile boolean readFailing;
    private long seenChanges = -1;
    private long seenReads = -1;
    private Instant computedAt = Instant.MIN;
    private Duration lastDuration = Duration.ZERO;

    FiguresService(MongoOperations mongo, Generations generations, Projector projector, RegionDataset regions, Clock clock,
                   MeterRegistry meters,
                   @Value("${simpul.reporting.figures-interval:50ms}") Duration interval,
                   @Value("${simpul.reporting.figures-refresh:5m}") Duration refresh) {
        this.rows = new ServedRows((collection, generation) ->
                mongo.getCollection(Generations.collection(collection, generation)).find().batchSize(5000));
        projector.onWrite(rows::written);
        this.generations = generations;
        this.projector = projector;
        this.regions = regions;
        this.clock = clock;
        this.interval = interval;
        this.refresh = refresh;
        this.computing = Timer.builder("simpul.reporting.figures.compute")
                .description("Time to bring the dashboard figures up to date: the changed rows applied, or after a "
                        + "fresh read every row counted").register(meters);
        this.counting = Timer.builder("simpul.reporting.figures.count")
                .description("Time to count the dashboard figures from every read-model row held in memory (after a "
                        + "fresh read)").register(meters);
        this.reading = Timer.builder("simpul.reporting.rows.read")
                .description("Time to read every read-model row of the served generation from the database").register(meters);
    }

    /** The figures as last computed (computing them first if none were). */
    public Figures current() {
        Figures current = figures;
        if (current == null) {
            synchronized (this) {
                if (figures == null) {
                    recompute();
                }
                current = figures;
            }
        }
        return current;
    }

    public long sequence() {
        return sequence;
    }

    /** Whether documents of {@code generation} are held here: announcements of any other are not read. */
    boolean hears(int generation) {
        return rows.hears(generation);
    }

    /** A document another reporting instance wrote and announced ({@link RowFeed}). */
    void heard(String collection, int generation, org.bson.Document document) {
        rows.written(collection, generation, document);
    }

    public void listen(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void forget(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    @Scheduled(fixedDelayString = "${simpul.reporting.figures-tick:20}")
    synchronized void tick() {
        if (rows.loaded() < 0) {
            return; // the first read of the rows has not succeeded yet
        }
        Instant now = clock.instant();
        Duration pause = interval.compareTo(lastDuration.multipliedBy(2)) > 0 ? interval : lastDuration.multipliedBy(2);
        boolean changed = projector.changes() != seenChanges || rows.reads() != seenReads || rows.changed();
        if (changed && Duration.between(computedAt, now).compareTo(pause) >= 0) {
            compute();
        }
    }

    /** Reads the rows afresh when another generation is served or the last read is older than the refresh. */
    @Scheduled(fixedDelayString = "${simpul.reporting.rows-tick:500}")
    void reread() {
        int generation = generations.state().current();
        if (generation == rows.loaded() && Duration.between(readAt, clock.instant()).compareTo(refresh) < 0) {
            return;
        }
        try {
            read(generation);
            if (readFailing) {
                log.info("Reading the read models of generation {} works again", generation);
                readFailing = false;
            }
        } catch (RuntimeException e) {
            if (!readFailing) {
                log.warn("Reading the read models of generation {} failed; the figures stay as they were and it is "
                        + "tried again", generation, e);
                readFailing = true;
            }
        }
    }

    /** Reads the served read models afresh and computes the figures now; listeners hear of them if they differ. */
    public synchronized Figures recompute() {
        read(generations.state().current());
        return compute();
    }

    private void read(int generation) {
        reading.record(() -> rows.reload(generation));
        readAt = clock.instant();
    }

    /** Counts the figures from nothing after a fresh read, else applies what changed since the last time. */
    private Figures compute() {
        seenChanges = projector.changes();
        long reads = rows.reads();
        long started = System.nanoTime();
        Figures previous = figures;
        Figures computed;
        boolean moved;
        if (previous == null || reads != seenReads) {
            computed = Figures.compute(regions, rows.snapshot(), clock.instant());
            moved = previous == null || previous.fingerprint() != computed.fingerprint();
            counting.record(Duration.ofNanos(System.nanoTime() - started));
        } else {
            computed = previous;
            moved = computed.apply(rows.changes(), clock.instant());
        }
        seenReads = reads;
        lastDuration = Duration.ofNanos(System.nanoTime() - started);
        computing.record(lastDuration);
        computedAt = clock.instant();
        figures = computed;
        if (moved) {
            Change change = new Change(++sequence, computed);
            for (Consumer<Change> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    log.debug("A figures listener failed", e);
                }
            }
        }
        if (lastDuration.compareTo(Duration.ofSeconds(1)) > 0) {
            log.info("Computing the figures took {} ms", lastDuration.toMillis());
        }
        return computed;
    }
}
