package id.simpul.web.admin;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterListTest {

    private static Map<String, Object> page(int page, int totalPages, long total, Map<?, ?>... items) {
        return Map.of("items", List.of(items), "page", page, "totalPages", totalPages, "totalItems", total);
    }

    @Test
    void bothServicesLettersAreOneListNewestFirstEachNamingItsService() {
        Map<String, Map<String, Object>> pages = new LinkedHashMap<>();
        pages.put("training", page(0, 1, 2,
                Map.of("id", "t2", "deadLetteredAt", "2026-12-02T10:00:05Z"),
                Map.of("id", "t1", "deadLetteredAt", "2026-12-02T09:00:00Z")));
        pages.put("reporting", page(0, 1, 1, Map.of("id", "r1", "deadLetteredAt", "2026-12-02T10:00:05.250Z")));

        DeadLetterList list = DeadLetterList.of(pages);

        assertThat(list.letters()).extracting(l -> l.get("id") + "@" + l.get("service"))
                .containsExactly("r1@reporting", "t2@training", "t1@training");
        assertThat(list.totals()).containsExactly(Map.entry("training", 2L), Map.entry("reporting", 1L));
        assertThat(list.more()).isFalse();
    }

    @Test
    void thereIsANextPageWhileAnyServiceHasOne() {
        Map<String, Map<String, Object>> pages = new LinkedHashMap<>();
        pages.put("training", page(0, 1, 1, Map.of("id", "t1", "deadLetteredAt", "2026-12-02T09:00:00Z")));
        pages.put("reporting", page(0, 2, 25, Map.of("id", "r1", "deadLetteredAt", "2026-12-02T08:00:00Z")));

        assertThat(DeadLetterList.of(pages).more()).isTrue();
        assertThat(DeadLetterList.of(Map.of("training", page(1, 2, 25))).more()).isFalse();
    }

    @Test
    void noServiceAnsweringIsAnEmptyList() {
        DeadLetterList list = DeadLetterList.of(Map.of());
        assertThat(list.letters()).isEmpty();
        assertThat(list.more()).isFalse();
    }
}
