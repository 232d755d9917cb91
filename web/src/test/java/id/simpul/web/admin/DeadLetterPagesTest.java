package id.simpul.web.admin;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterPagesTest {

    @Test
    void theLettersWaitingAreShownUntilAnotherStatusOrAnyIsChosen() {
        assertThat(DeadLetterPages.shownStatus(null)).contains("WAITING");
        assertThat(DeadLetterPages.shownStatus("DISCARDED")).contains("DISCARDED");
        assertThat(DeadLetterPages.shownStatus("")).isEqualTo(Optional.empty());
        assertThat(DeadLetterPages.shownStatus("LOST")).isEqualTo(Optional.empty());
    }

    @Test
    void aLettersAddressHoldsItsServiceAndItsIdEncoded() {
        assertThat(DeadLetterPages.address("training", "simpul.training.dlq-0-42"))
                .isEqualTo("/workspace/admin/dead-letters/training/simpul.training.dlq-0-42");
        assertThat(DeadLetterPages.address("reporting", "a b/c")).isEqualTo("/workspace/admin/dead-letters/reporting/a%20b%2Fc");
    }
}
