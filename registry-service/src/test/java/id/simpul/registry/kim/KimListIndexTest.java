package id.simpul.registry.kim;

import id.simpul.platform.PageQuery;
import id.simpul.regions.RegionCode;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The list index on its own: which version of a KIM it keeps, and what its counts say. */
class KimListIndexTest {

    private static final String ID = "3f2b8c1e-5d4a-4e0b-9c6f-1a2b3c4d5e6f";
    private KimListIndex index;

    @BeforeEach
    void emptyStore() {
        MongoOperations mongo = mock(MongoOperations.class);
        when(mongo.stream(any(Query.class), eq(Document.class), eq(KimEvents.COLLECTION))).thenReturn(Stream.empty());
        index = new KimListIndex(mongo, Duration.ofMinutes(5));
        index.load();
    }

    private static KimListIndex.Entry kim(long version, String village, KimStatus status) {
        return new KimListIndex.Entry(ID, version, village, status, "kim alpha", "alpha", Set.of(), false,
                Instant.parse("2026-01-01T00:00:00Z"), null, 20);
    }

    private long total(String region, KimStatus status) {
        KimFilter filter = new KimFilter(region == null ? null : new RegionCode(region), status == null ? null : Set.of(status),
                null, null, null);
        return index.page(filter, KimSort.FIELDS.parse(null), new PageQuery(0, 20), null).total();
    }

    @Test
    void theInstanceIsNotReadyUntilTheCollectionHasBeenReadOnce() {
        MongoOperations mongo = mock(MongoOperations.class);
        when(mongo.stream(any(Query.class), eq(Document.class), eq(KimEvents.COLLECTION))).thenReturn(Stream.of(new Document()
                .append("_id", ID).append("version", 1L).append(KimMapping.VILLAGE_CODE, "63.03.05.1005")
                .append(KimMapping.STATUS, "SUBMITTED").append(KimMapping.NAME, "KIM Alpha").append(KimMapping.NAME_SORT, "alpha")
                .append(KimMapping.REGISTERED_AT, java.util.Date.from(Instant.parse("2026-01-01T00:00:00Z")))
                .append(KimMapping.MEMBER_COUNT, 20)));
        KimListIndex unread = new KimListIndex(mongo, Duration.ofMinutes(5));
        KimListHealthIndicator health = new KimListHealthIndicator(unread);

        assertThat(health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        unread.load();

        assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        assertThat(health.health(true).getDetails()).containsEntry("kims", 1);
    }

    @Test
    void anOlderVersionReadAfterANewerWriteChangesNothing() {
        index.apply(kim(2, "63.03.05.1005", KimStatus.VERIFIED));
        index.apply(kim(1, "63.03.05.1005", KimStatus.SUBMITTED));

        assertThat(total("63", KimStatus.VERIFIED)).isEqualTo(1);
        assertThat(total("63", KimStatus.SUBMITTED)).isZero();
    }

    @Test
    void aKimMovedToAnotherVillageIsCountedThereAloneAtEveryLevel() {
        index.apply(kim(1, "63.03.05.1005", KimStatus.SUBMITTED));
        index.apply(kim(2, "63.03.06.2001", KimStatus.SUBMITTED));

        assertThat(total("63.03.05", null)).isZero();
        assertThat(total("63.03.05.1005", null)).isZero();
        assertThat(total("63.03.06", null)).isEqualTo(1);
        assertThat(total("63.03", null)).isEqualTo(1);
        assertThat(total(null, null)).isEqualTo(1);
    }

    @Test
    void whatACallerMaySeeNarrowsTheTotals() {
        String bandung = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
        index.apply(kim(1, "63.03.05.1005", KimStatus.SUBMITTED));
        index.apply(new KimListIndex.Entry(bandung, 1, "32.73.01.1001", KimStatus.ACTIVE, "kim bravo", "bravo", Set.of(),
                true, Instant.parse("2026-01-02T00:00:00Z"), null, 12));

        assertThat(seenAs(null, new KimFilter.Visible(new RegionCode("63.03"), null))).isEqualTo(1);
        assertThat(seenAs("63.03.05", new KimFilter.Visible(new RegionCode("63"), null))).isEqualTo(1);
        assertThat(seenAs("32", new KimFilter.Visible(new RegionCode("63.03"), null))).isZero();
        assertThat(seenAs(null, new KimFilter.Visible(null, bandung))).isEqualTo(1);
        assertThat(seenAs(null, new KimFilter.Visible(null, null))).isZero();
    }

    private long seenAs(String region, KimFilter.Visible visible) {
        KimFilter filter = new KimFilter(region == null ? null : new RegionCode(region), null, null, null, null).seenAs(visible);
        return index.page(filter, KimSort.FIELDS.parse("memberCount,desc"), new PageQuery(0, 20), null).total();
    }
}
