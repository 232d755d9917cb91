package id.simpul.identity.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy(CommonPasswords.load());

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertThat(policy.problem("Ab1!xyz")).get().asString().contains("8 characters");
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertThat(policy.problem("Password123")).get().asString().contains("common");
        assertThat(policy.problem("bismillah")).isPresent();
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(policy.problem("Simpul-Demo-2026!")).isEmpty();
    }

    @Test
    void theShippedListHoldsOverAThousandPasswords() {
        assertThat(CommonPasswords.load()).hasSizeGreaterThan(1000).contains("123456", "qwerty", "iloveyou");
    }
}
