package id.simpul.reporting.projection;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one mapping between the read-model rows and their documents. */
class RowMappingTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private final RowMapping mapping = RowMapping.get();

    @Test
    void aTrainingRowIsWrittenWithTheStoredNamesAndReadBackTheSame() {
        Rows.Training training = new Rows.Training("t1", "p1", "Cegah Stunting", "Gizi", "63.03.05.1001", 30, "IN_PERSON",
                "WITA", T0, T0.plusSeconds(3600), "2026-12-01T08:00", "2026-12-01T09:00", "SCHEDULED", null, T0,
                List.of(new Rows.Invitation("i1", "pa1", "HEALTH_OFFICE", "JOINED", 2, Map.of("status", 5L))),
                List.of(new Rows.Enrolment("e1", "k1", "63.03.05.1001", "ENROLLED", true, T0, Map.of("status", 7L))),
                7L, Map.of("schedule", 2L));

        Document written = mapping.write(training);

        assertThat(written).containsEntry("_id", "t1").containsEntry("start", Date.from(T0)).containsEntry("version", 7L)
                .doesNotContainKeys("id", "statusChangedAt", "_class");
        assertThat(written.getList("invitations", Document.class).getFirst()).containsEntry("id", "i1")
                .doesNotContainKey("_id");
        assertThat(written.getList("enrolments", Document.class).getFirst()).containsEntry("id", "e1")
                .containsEntry("attended", true);
        assertThat(mapping.read(Rows.Training.class, written)).isEqualTo(training);
    }

    @Test
    void documentsStoredBeforeTheRowsExistedAreReadAsTheyWereMeant() {
        // As the projection wrote them by field name: targets as 32-bit numbers, an enrolment without attendance.
        Document programme = Document.parse("""
                {"_id": "p1", "title": "Cegah Stunting", "organiser": {"level": "MINISTRY", "name": "Komdigi"},
                 "targets": {"trainings": 4, "kimsTrained": 40, "outputs": 200, "peopleReached": 50000},
                 "targetRegions": ["63"], "version": 1, "stamps": {"programme": 1}, "_rev": 3}""")
                .append("createdAt", Date.from(T0));
        Document training = Document.parse("""
                {"_id": "t1", "programmeId": "p1", "enrolments": [{"id": "e1", "kimId": "k1", "status": "WAITLISTED"}]}""");

        Rows.Programme read = mapping.read(Rows.Programme.class, programme);
        Rows.Training enrolled = mapping.read(Rows.Training.class, training);

        assertThat(read.targetTrainings()).isEqualTo(4L);
        assertThat(read.targetPeopleReached()).isEqualTo(50_000L);
        assertThat(read.organiserName()).isEqualTo("Komdigi");
        assertThat(read.stamps()).containsEntry("programme", 1L);
        assertThat(read.created()).isTrue();
        assertThat(enrolled.enrolments().getFirst().id()).isEqualTo("e1");
        assertThat(enrolled.enrolments().getFirst().wasThere()).isFalse();
        assertThat(enrolled.created()).as("only later events are in").isFalse();
    }

    @Test
    void writingARowBackLeavesTheRevisionAndRemovesWhatTheRowNoLongerHolds() {
        Document stored = new Document("_id", "k1").append("status", "ACTIVE").append("statusChangedAt", Date.from(T0))
                .append(ReadModelStore.REVISION, 4L);
        Rows.Kim kim = mapping.read(Rows.Kim.class, stored).withStatus("DORMANT", null);

        mapping.writeInto(kim, stored);

        assertThat(stored).containsEntry("status", "DORMANT").containsEntry(ReadModelStore.REVISION, 4L)
                .doesNotContainKey("statusChangedAt");
    }

    @Test
    void theFieldAReadModelIsQueriedByForItsCreationIsTheOneItsRowsAreCreatedBy() {
        Map<String, Class<? extends Rows.Row>> types = Map.of(ReadModelStore.KIMS, Rows.Kim.class,
                ReadModelStore.PROGRAMMES, Rows.Programme.class, ReadModelStore.PARTNERS, Rows.Partner.class,
                ReadModelStore.TRAININGS, Rows.Training.class, ReadModelStore.OUTPUTS, Rows.Output.class);
        assertThat(Projector.CREATED_BY).containsOnlyKeys(types.keySet());
        types.forEach((collection, type) -> {
            Document bare = new Document("_id", "x");
            assertThat(mapping.read(type, bare).created()).as(collection).isFalse();
            bare.append(Projector.CREATED_BY.get(collection), Date.from(T0));
            assertThat(mapping.read(type, bare).created()).as(collection + " with " + Projector.CREATED_BY.get(collection))
                    .isTrue();
        });
    }
}
