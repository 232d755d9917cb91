package id.simpul.registry.kim;

import id.simpul.registry.region.RegionCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KimTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final RegionCode MARTAPURA_VILLAGE = new RegionCode("63.03.05.1001");

    @Test
    void aRegisteredKimAwaitsVerificationAtVersionOne() {
        Kim.Registration registration = Kim.register(KimId.newId(), "KIM Martapura Bersinar", MARTAPURA_VILLAGE, NOW);

        assertThat(registration.kim().status()).isEqualTo(KimStatus.SUBMITTED);
        assertThat(registration.kim().version()).isEqualTo(1);
        assertThat(registration.event()).isEqualTo(new KimRegistered(registration.kim().id(), 1,
                "KIM Martapura Bersinar", MARTAPURA_VILLAGE, KimStatus.SUBMITTED, NOW));
    }

    @Test
    void nameIsTrimmedAndInnerSpacesCollapsed() {
        Kim kim = Kim.register(KimId.newId(), "  KIM   Sinar\tBanjar ", MARTAPURA_VILLAGE, NOW).kim();

        assertThat(kim.name()).isEqualTo("KIM Sinar Banjar");
    }

    @Test
    void aKimSitsInAVillageNotInADistrict() {
        assertThatThrownBy(() -> Kim.register(KimId.newId(), "KIM Kecamatan", new RegionCode("63.03.05"), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DISTRICT");
    }

    @Test
    void aBlankOrOverlongNameIsRefused() {
        assertThatThrownBy(() -> Kim.register(KimId.newId(), " \t ", MARTAPURA_VILLAGE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kim.register(KimId.newId(), "K".repeat(Kim.NAME_MAX_LENGTH + 1), MARTAPURA_VILLAGE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKimIdIsAUuid() {
        assertThatThrownBy(() -> new KimId("kim-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
