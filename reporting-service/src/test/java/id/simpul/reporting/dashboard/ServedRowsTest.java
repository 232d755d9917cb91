package id.simpul.reporting.dashboard;

import id.simpul.reporting.projection.ReadModelStore;
import id.simpul.reporting.projection.Rows;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-model rows held in memory between full reads of the database. */
class ServedRowsTest {

    /** The database as the rows are read from it: documents per generation and collection. */
    private final Map<String, List<Document>> stored = new HashMap<>();
    private Runnable whileReading = () -> { };
    private boolean failing;
    private final ServedRows rows = new ServedRows((collection, generation) -> {
        if (failing) {
            throw new IllegalStateException("database unreachable");
        }
        List<Document> documents = stored.getOrDefault(collection + generation, List.of());
        return () -> new Iterator<>() {
            private final Iterator<Document> inner = documents.iterator();

            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public Document next() {
                whileReading.run();
                return inner.next();
            }
        };
    });

    @Test
    void aFullReadHoldsEveryRowOfTheGeneration() {
        store(1, kim("k1", "ACTIVE", 1));
        store(1, kim("k2", "SUBMITTED", 4));
        store(2, kim("k3", "ACTIVE", 1));

        rows.reload(1);

        assertThat(rows.loaded()).isEqualTo(1);
        assertThat(statuses()).containsOnly(Map.entry("k1", "ACTIVE"), Map.entry("k2", "SUBMITTED"));
    }

    @Test
    void aWrittenDocumentIsHeldWithoutReadingTheDatabaseAgain() {
        rows.reload(1);

        rows.written(ReadModelStore.KIMS, 1, kim("k1", "SUBMITTED", 1));
        rows.written(ReadModelStore.KIMS, 1, kim("k1", "VERIFIED", 2));

        assertThat(statuses()).containsOnly(Map.entry("k1", "VERIFIED"));
    }

    @Test
    void eachKeptWriteIsOneChangeFromTheRowHeldBeforeAndAnOlderOneIsNone() {
        rows.reload(1);
        Document created = kim("k1", "SUBMITTED", 1);
        Document later = new Document("_id", "k2").append("status", "ACTIVE").append(ReadModelStore.REVISION, 1L);

        rows.written(ReadModelStore.KIMS, 1, created);
        rows.written(ReadModelStore.KIMS, 1, kim("k1", "VERIFIED", 3));
        rows.written(ReadModelStore.KIMS, 1, kim("k1", "ACTIVE", 2));
        rows.written(ReadModelStore.KIMS, 1, later);
        rows.written(ReadModelStore.KIMS, 2, kim("k9", "ACTIVE", 1));

        assertThat(rows.changed()).isTrue();
        List<Figures.Change> changes = rows.changes();
        assertThat(changes).as("the older revision 2 and the other generation are no change").hasSize(3);
        assertThat(changes.get(0).before()).isNull();
        assertThat(((Rows.Kim) changes.get(0).after()).status()).isEqualTo("SUBMITTED");
        assertThat(((Rows.Kim) changes.get(1).before()).status()).isEqualTo("SUBMITTED");
        assertThat(((Rows.Kim) changes.get(1).after()).status()).isEqualTo("VERIFIED");
        assertThat(changes.get(2)).as("a document without its creation counts nowhere yet")
                .isEqualTo(new Figures.Change(null, null));
        assertThat(rows.changed()).isFalse();
        assertThat(rows.changes()).isEmpty();
    }

    @Test
    void aSnapshotTakesTheChangesSoFarWithIt() {
        rows.reload(1);
        rows.written(ReadModelStore.KIMS, 1, kim("k1", "SUBMITTED", 1));

        assertThat(rows.snapshot().kims()).hasSize(1);
        assertThat(rows.changes()).isEmpty();
    }

    @Test
    void anOlderRevisionHeardLateDoesNotReplaceANewerOne() {
        rows.reload(1);

        rows.written(ReadModelStore.KIMS, 1, kim("k1", "ACTIVE", 3));
        rows.written(ReadModelStore.KIMS, 1, kim("k1", "VERIFIED", 2));

        assertThat(statuses()).containsOnly(Map.entry("k1", "ACTIVE"));
    }

    @Test
    void writesToAGenerationThatIsNotServedAreNotHeldUntilItIsRead() {
        rows.reload(1);
        Document rebuilt = kim("k1", "ACTIVE", 1);
        store(2, rebuilt);

        rows.written(ReadModelStore.KIMS, 2, rebuilt);
        assertThat(statuses()).isEmpty();

        rows.reload(2);
        assertThat(rows.loaded()).isEqualTo(2);
        assertThat(statuses()).containsOnly(Map.entry("k1", "ACTIVE"));
    }

    @Test
    void aWriteHeardWhileTheFullReadRunsIsKept() {
        store(1, kim("k1", "SUBMITTED", 1));
        store(1, kim("k2", "ACTIVE", 1));
        rows.reload(1);
        // While the second full read runs, k1 changes and k3 is registered.
        whileReading = () -> {
            whileReading = () -> { };
            rows.written(ReadModelStore.KIMS, 1, kim("k1", "VERIFIED", 2));
            rows.written(ReadModelStore.KIMS, 1, kim("k3", "CANDIDATE", 1));
        };

        rows.reload(1);

        assertThat(statuses()).containsOnly(Map.entry("k1", "VERIFIED"), Map.entry("k2", "ACTIVE"), Map.entry("k3", "CANDIDATE"));
    }

    @Test
    void whileANewlyServedGenerationIsReadTheRowsOfTheOldOneStayAsTheyWere() {
        store(1, kim("k1", "ACTIVE", 7));
        rows.reload(1);
        store(2, kim("k1", "ACTIVE", 1));
        Map<String, String> duringTheRead = new HashMap<>();
        whileReading = () -> {
            whileReading = () -> { };
            rows.written(ReadModelStore.KIMS, 2, kim("k2", "SUBMITTED", 1));
            duringTheRead.putAll(statuses());
        };

        rows.reload(2);

        assertThat(duringTheRead).containsOnly(Map.entry("k1", "ACTIVE"));
        assertThat(statuses()).containsOnly(Map.entry("k1", "ACTIVE"), Map.entry("k2", "SUBMITTED"));
    }

    @Test
    void aFailedFullReadKeepsTheRowsHeldBeforeAndTheirGeneration() {
        store(1, kim("k1", "ACTIVE", 1));
        rows.reload(1);
        failing = true;

        assertThatThrownBy(() -> rows.reload(2)).hasMessageContaining("database unreachable");
        rows.written(ReadModelStore.KIMS, 2, kim("k9", "ACTIVE", 1));

        assertThat(rows.loaded()).as("the next tick reads generation 2 again").isEqualTo(1);
        assertThat(statuses()).containsOnly(Map.entry("k1", "ACTIVE"));
    }

    @Test
    void everyReadModelIsHeld() {
        rows.reload(1);

        rows.written(ReadModelStore.PROGRAMMES, 1, created("p1", "createdAt").append("title", "Cegah Stunting"));
        rows.written(ReadModelStore.PARTNERS, 1, created("pa1", "registeredAt").append("type", "HEALTH_OFFICE"));
        rows.written(ReadModelStore.TRAININGS, 1, created("t1", "draftedAt").append("programmeId", "p1"));
        rows.written(ReadModelStore.OUTPUTS, 1, created("o1", "reportedAt").append("peopleReached", 120L));

        Figures.Data data = rows.snapshot();
        assertThat(data.programmes()).extracting(Rows.Programme::title).containsExactly("Cegah Stunting");
        assertThat(data.partners()).extracting(Rows.Partner::type).containsExactly("HEALTH_OFFICE");
        assertThat(data.trainings()).extracting(Rows.Training::programmeId).containsExactly("p1");
        assertThat(data.outputs()).extracting(Rows.Output::peopleReached).containsExactly(120L);
    }

    private void store(int generation, Document kim) {
        stored.computeIfAbsent(ReadModelStore.KIMS + generation, k -> new ArrayList<>()).add(kim);
    }

    @Test
    void aKimKnownOnlyFromEventsAfterItsRegistrationIsNotCounted() {
        rows.reload(1);
        rows.written(ReadModelStore.KIMS, 1, kim("k1", "SUBMITTED", 1));
        rows.written(ReadModelStore.KIMS, 1, new Document("_id", "k2").append("status", "VERIFIED")
                .append("villageCode", "63.03.05.1001").append(ReadModelStore.REVISION, 1L));

        assertThat(statuses()).containsOnlyKeys("k1");
    }

    @Test
    void aProgrammePartnerTrainingOrOutputKnownOnlyFromItsCorrectionsIsNotCounted() {
        rows.reload(1);
        rows.written(ReadModelStore.PROGRAMMES, 1, new Document("_id", "p1").append("title", "Corrected").append("_rev", 1L));
        rows.written(ReadModelStore.PARTNERS, 1, new Document("_id", "pa1").append("name", "Renamed").append("_rev", 1L));
        rows.written(ReadModelStore.TRAININGS, 1, new Document("_id", "t1").append("capacity", 40).append("_rev", 1L));
        rows.written(ReadModelStore.OUTPUTS, 1, new Document("_id", "o1").append("peopleReached", 1045L).append("_rev", 1L));
        rows.written(ReadModelStore.OUTPUTS, 1, created("o2", "reportedAt").append("peopleReached", 300L));

        Figures.Data data = rows.snapshot();
        assertThat(data.programmes()).isEmpty();
        assertThat(data.partners()).isEmpty();
        assertThat(data.trainings()).isEmpty();
        assertThat(data.outputs()).extracting(Rows.Output::id).containsExactly("o2");
    }

    /** A document whose aggregate's first event, which sets {@code createdBy}, is in. */
    private static Document created(String id, String createdBy) {
        return new Document("_id", id).append(createdBy, new java.util.Date(0)).append(ReadModelStore.REVISION, 1L);
    }

    private Map<String, String> statuses() {
        Map<String, String> statuses = new HashMap<>();
        rows.snapshot().kims().forEach(kim -> statuses.put(kim.id(), kim.status()));
        return statuses;
    }

    private static Document kim(String id, String status, long revision) {
        return new Document("_id", id).append("name", "KIM " + id).append("villageCode", "63.03.05.1001")
                .append("status", status).append("registeredAt", new java.util.Date(0)).append(ReadModelStore.REVISION, revision);
    }
}
