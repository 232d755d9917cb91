package id.simpul.training.session;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentTest {

    private static final Enrolment AHMAD = new Enrolment(new EnrolmentId(UUID.randomUUID().toString()), "kim-1", "KIM Sungai Paring",
            "63.03.05.1005", new Participant("Ahmad Fauzi", "Pengurus"), Enrolment.Status.ENROLLED, Instant.EPOCH, Instant.EPOCH,
            null, false, null);

    @Test
    void theSamePersonIsTheSameNameOfTheSameKimCaseAndSpacingAside() {
        assertThat(AHMAD.samePerson("kim-1", new Participant("ahmad  fauzi", null))).isTrue();
        assertThat(AHMAD.samePerson("kim-1", new Participant(" AHMAD\tFauzi ", null))).isTrue();
        assertThat(AHMAD.samePerson("kim-1", new Participant("Ahmad Fauzia", null))).isFalse();
        assertThat(AHMAD.samePerson("kim-2", new Participant("Ahmad Fauzi", null))).isFalse();
    }
}
