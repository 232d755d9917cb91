package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.ReadModelStore;
import id.simpul.reporting.projection.RowMapping;
import id.simpul.reporting.projection.Rows;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of the served generation of the read models, held in memory so that figures can be computed without
 * reading every document again: filled by a full read of a generation ({@link #reload}), then kept up from the
 * documents the projector writes ({@link #written}). A document replaces its row only when its revision is newer,
 * so writes heard out of order, or while a full read runs, leave the newest row.
 */
final class ServedRows {

    /** Every document of one read model of one generation. */
    interface Source {
        Iterable<Document> all(String collection, int generation);
    }

    /** A row; {@code created} once its aggregate's first event is in ({@link Rows.Row#created}). */
    private record Row(long revision, Rows.Row value, boolean created) {

        static Row of(String collection, Document document) {
            Rows.Row value = RowMapping.get().read(READERS.get(collection), document);
            return new Row(ServedRows.revision(document), value, value.created());
        }

        /** The row as the figures count it: only once its aggregate's first event is in. */
        Object counted() {
            return created ? value : null;
        }
    }

    private record Heard(String collection, String id, Row row) {
    }

    /** The record of each read model's rows. */
    private static final Map<String, Class<? extends Rows.Row>> READERS = new LinkedHashMap<>();

    static {
        READERS.put(ReadModelStore.KIMS, Rows.Kim.class);
        READERS.put(ReadModelStore.PROGRAMMES, Rows.Programme.class);
        READERS.put(ReadModelStore.PARTNERS, Rows.Partner.class);
        READERS.put(ReadModelStore.TRAININGS, Rows.Training.class);
        READERS.put(ReadModelStore.OUTPUTS, Rows.Output.class);
    }

    private final Source source;
    private final Object reading = new Object();
    private final Object lock = new Object();
    // All guarded by lock.
    private int hearing = -1;
    private int loaded = -1;
    private long reads;
    private Map<String, Map<String, Row>> rows = empty();
    private List<Heard> heardWhileReading;
    private List<Figures.Change> changes = new ArrayList<>();

    ServedRows(Source source) {
        this.source = source;
    }

    /** How many full reads succeeded. */
    long reads() {
        synchronized (lock) {
            return reads;
        }
    }

    /** The generation whose rows are held, or -1 before the first full read succeeded. */
    int loaded() {
        synchronized (lock) {
            return loaded;
        }
    }

    /**
     * A document the projector wrote: kept when it belongs to the held generation and is newer than its row; one of a
     * generation being read for the first time is kept for when that read ends.
     */
    void written(String collection, int generation, Document document) {
        if (!READERS.containsKey(collection)) {
            return;
        }
        String id = document.getString("_id");
        Row row = Row.of(collection, document);
        synchronized (lock) {
            if (generation != hearing) {
                return;
            }
            if (generation == loaded) {
                Row before = rows.get(collection).get(id);
                if (keep(rows, collection, id, row) == row) {
                    changes.add(new Figures.Change(before == null ? null : before.counted(), row.counted()));
                }
            }
            if (heardWhileReading != null) {
                heardWhileReading.add(new Heard(collection, id, row));
            }
        }
    }

    /**
     * Reads every row of {@code generation} afresh; its rows are the ones held from then on. Writes heard while it
     * reads are kept too; if the read fails, the rows held before stay and {@link #loaded} still names their generation.
     * One full read runs at a time.
     */
    void reload(int generation) {
        synchronized (reading) {
            read(generation);
        }
    }

    private void read(int generation) {
        synchronized (lock) {
            hearing = generation;
            heardWhileReading = new ArrayList<>();
        }
        Map<String, Map<String, Row>> fresh = empty();
        try {
            READERS.keySet().forEach(collection -> {
                for (Document document : source.all(collection, generation)) {
                    keep(fresh, collection, document.getString("_id"), Row.of(collection, document));
                }
            });
        } catch (RuntimeException e) {
            synchronized (lock) {
                hearing = loaded;
                heardWhileReading = null;
            }
            throw e;
        }
        synchronized (lock) {
            heardWhileReading.forEach(heard -> keep(fresh, heard.collection(), heard.id(), heard.row()));
            heardWhileReading = null;
            rows = fresh;
            loaded = generation;
            reads++;
        }
    }

    /** Whether writes to {@code generation} are held (it is served, or being read for the first time). */
    boolean hears(int generation) {
        synchronized (lock) {
            return generation == hearing;
        }
    }

    /** Whether rows changed since the last {@link #changes} or {@link #snapshot}. */
    boolean changed() {
        synchronized (lock) {
            return !changes.isEmpty();
        }
    }

    /**
     * The rows that changed since the last call (or since the last {@link #snapshot}), as they counted before and
     * as they count now, in the order they changed.
     */
    List<Figures.Change> changes() {
        synchronized (lock) {
            List<Figures.Change> taken = changes;
            changes = new ArrayList<>();
            return taken;
        }
    }

    /** The rows held now, as the figures are computed from them; the changes so far are in it and are forgotten. */
    Figures.Data snapshot() {
        synchronized (lock) {
            changes = new ArrayList<>();
            return new Figures.Data(values(ReadModelStore.KIMS, Rows.Kim.class), values(ReadModelStore.PROGRAMMES, Rows.Programme.class),
                    values(ReadModelStore.PARTNERS, Rows.Partner.class), values(ReadModelStore.TRAININGS, Rows.Training.class),
                    values(ReadModelStore.OUTPUTS, Rows.Output.class));
        }
    }

    private <T> List<T> values(String collection, Class<T> type) {
        Map<String, Row> held = rows.get(collection);
        List<T> values = new ArrayList<>(held.size());
        for (Row row : held.values()) {
            // A document holding only an aggregate's later events counts in no figure until its creation is in.
            if (row.created()) {
                values.add(type.cast(row.value()));
            }
        }
        return values;
    }

    /** Keeps the newer of the row held and {@code row}; returns the one kept. */
    private static Row keep(Map<String, Map<String, Row>> rows, String collection, String id, Row row) {
        return rows.get(collection).merge(id, row, (held, written) -> written.revision() > held.revision() ? written : held);
    }

    private static long revision(Document document) {
        Number revision = (Number) document.get(ReadModelStore.REVISION);
        return revision == null ? 0 : revision.longValue();
    }

    private static Map<String, Map<String, Row>> empty() {
        Map<String, Map<String, Row>> rows = new HashMap<>();
        READERS.keySet().forEach(collection -> rows.put(collection, new HashMap<>()));
        return rows;
    }
}
