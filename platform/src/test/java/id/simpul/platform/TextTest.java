package id.simpul.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @Test
    void textIsKeptInNormalFormWithoutInvisibleCharactersAndTrimmed() {
        assertThat(Text.normalise("\u00a0 Cafe\u0301 Ru\u200bmah\u2060\ufeff \u3000")).isEqualTo("Caf\u00e9 Rumah");
    }

    @Test
    void tabsLineBreaksAndJoinersAreText() {
        assertThat(Text.normalise("baris satu\nbaris\tdua")).isEqualTo("baris satu\nbaris\tdua");
        assertThat(Text.normalise("\ud83d\udc69\u200d\ud83c\udf3e")).isEqualTo("\ud83d\udc69\u200d\ud83c\udf3e");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NUL                  | 'KIM\u0000A'     | contains the control character U+0000
            bell                 | '\u0007'         | contains the control character U+0007
            C1 control           | 'a\u0085b'       | contains the control character U+0085
            right-to-left        | 'KIM \u202eA'    | contains a bidirectional override or isolate (U+202E), which can make text read differently from what it holds
            isolate              | '\u2066KIM'      | contains a bidirectional override or isolate (U+2066), which can make text read differently from what it holds
            noncharacter         | 'KIM\ufffe'      | contains the noncharacter U+FFFE
            """)
    void textWithCharactersThatCannotBeKeptIsRefusedWithTheReason(String name, String raw, String reason) {
        assertThatThrownBy(() -> Text.normalise(raw)).isInstanceOf(Text.Rejected.class).hasMessage(reason);
        assertThat(Text.characterProblem(raw)).isEqualTo(reason);
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertThatThrownBy(() -> Text.normalise("KIM \ud800")).hasMessageContaining("unpaired surrogate (U+D800)");
        assertThatThrownBy(() -> Text.normalise("\udc00KIM")).hasMessageContaining("unpaired surrogate (U+DC00)");
    }

    @Test
    void textOfNothingButSpacesOrInvisibleCharactersIsBlank() {
        assertThatThrownBy(() -> Text.normalise(" \u00a0\u3000 ")).hasMessageStartingWith("must not be blank");
        assertThatThrownBy(() -> Text.normalise("\u200b\u2060")).hasMessageStartingWith("must not be blank");
        assertThat(Text.normalise("")).isEmpty();
        assertThat(Text.normalise(null)).isNull();
        assertThat(Text.characterProblem(" ")).as("blankness is not a character problem").isNull();
    }

    @Test
    void namesThatDifferOnlyInInvisibleCharactersCompareEqual() {
        assertThat(Text.comparable("KIM\u200d Sinar")).isEqualTo(Text.comparable("KIM Sinar"));
        assertThat(Text.comparable("K\u200bIM")).isEqualTo("KIM");
    }
}
