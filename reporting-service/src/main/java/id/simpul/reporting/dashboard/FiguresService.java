package id.simpul.reporting.dashboard;

import com.mongodb.client.MongoCollection;
import id.simpul.regions.RegionDataset;
import id.simpul.reporting.projection.Generations;
import id.simpul.reporting.projection.Projector;
import id.simpul.reporting.projection.ReadModelStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps the current figures: computes them again from the served generation of the read models when events changed
 * something (at most every {@code simpul.reporting.figures-interval}, and never more often than twice the time the
 * last computation took, so that a flood of events cannot starve the service), and every
 * {@code simpul.reporting.figures-refresh} regardless, which picks up what other reporting instances applied.
 * Listeners hear of every new set of figures that differs from the last.
 */
@Service
class FiguresService {

    private static final Logger log = LoggerFactory.getLogger(FiguresService.class);

    /** A new set of figures, numbered. */
    public record Change(long sequence, Figures figures) {
    }

    private final MongoOperations mongo;
    private final Generations generations;
    private final Projector projector;
    private final RegionDataset regions;
    private final Clock clock;
    private final Duration interval;
    private final Duration refresh;
    private final Timer computing;
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    private volatile Figures figures;
    private volatile long sequence;
    private long seenChanges = -1;
    private int seenGeneration;
    private Instant computedAt = Instant.MIN;
    private Duration lastDuration = Duration.ZERO;

    FiguresService(MongoOperations mongo, Generations generations, Projector projector, RegionDataset regions, Clock clock,
                   MeterRegistry meters,
                   @Value("${simpul.reporting.figures-interval:250ms}") Duration interval,
                   @Value("${simpul.reporting.figures-refresh:10s}") Duration refresh) {
        this.mongo = mongo;
        this.generations = generations;
        this.projector = projector;
        this.regions = regions;
        this.clock = clock;
        this.interval = interval;
        this.refresh = refresh;
        this.computing = Timer.builder("simpul.reporting.figures.compute")
                .description("Time to compute the dashboard figures from the read models").register(meters);
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

    public void listen(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void forget(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    @Scheduled(fixedDelayString = "${simpul.reporting.figures-tick:100}")
    synchronized void tick() {
        Instant now = clock.instant();
        long changes = projector.changes();
        int generation = generations.state().current();
        boolean dirty = changes != seenChanges || generation != seenGeneration;
        Duration since = Duration.between(computedAt, now);
        Duration pause = interval.compareTo(lastDuration.multipliedBy(2)) > 0 ? interval : lastDuration.multipliedBy(2);
        if ((dirty && since.compareTo(pause) >= 0) || since.compareTo(refresh) >= 0) {
            recompute();
        }
    }

    /** Computes the figures now; listeners hear of them if they differ from the last. */
    public synchronized Figures recompute() {
        seenChanges = projector.changes();
        seenGeneration = generations.state().current();
        long started = System.nanoTime();
        Figures computed = Figures.compute(regions, load(seenGeneration), clock.instant());
        lastDuration = Duration.ofNanos(System.nanoTime() - started);
        computing.record(lastDuration);
        computedAt = clock.instant();
        Figures previous = figures;
        figures = computed;
        if (previous == null || previous.fingerprint() != computed.fingerprint()) {
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

    private Figures.Data load(int generation) {
        return new Figures.Data(
                read(ReadModelStore.KIMS, generation, Rows.Kim::of),
                read(ReadModelStore.PROGRAMMES, generation, Rows.Programme::of),
                read(ReadModelStore.PARTNERS, generation, Rows.Partner::of),
                read(ReadModelStore.TRAININGS, generation, Rows.Training::of),
                read(ReadModelStore.OUTPUTS, generation, Rows.Output::of));
    }

    private <T> List<T> read(String base, int generation, Function<Document, T> row) {
        MongoCollection<Document> collection = mongo.getCollection(Generations.collection(base, generation));
        List<T> rows = new ArrayList<>();
        for (Document document : collection.find().batchSize(5000)) {
            rows.add(row.apply(document));
        }
        return rows;
    }
}
