package id.simpul.web.admin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplaysTest {

    private static final String ORIGINAL = "{\"kimId\": \"k1\", \"villageCode\": \"99.99.99.9999\"}";

    @Test
    void thePayloadSentBackUnchangedIsAReplayOfTheRecordAsItWas() throws Exception {
        assertThat(Replays.request("  " + ORIGINAL + "\n", ORIGINAL, null)).isEmpty();
        assertThat(Replays.request("", ORIGINAL, " ")).isEmpty();
        assertThat(Replays.request(null, null, null)).isEmpty();
    }

    @Test
    void aChangedPayloadIsSentAsTheCorrectedRecordWithTheNote() throws Exception {
        Map<String, Object> request = Replays.request("{\"kimId\": \"k1\", \"villageCode\": \"63.03.05.1005\", \"members\": [1, 2]}",
                ORIGINAL, " village corrected ");

        assertThat(request).containsEntry("payload", Map.of("kimId", "k1", "villageCode", "63.03.05.1005", "members", List.of(1, 2)))
                .containsEntry("note", "village corrected");
    }

    @Test
    void aPayloadThatIsNotOneJsonObjectIsRefusedBeforeItReachesTheService() {
        assertThatThrownBy(() -> Replays.request("{\"kimId\": ", ORIGINAL, null)).isInstanceOf(Replays.NotJson.class);
        assertThatThrownBy(() -> Replays.request("{\"a\": 1} {\"b\": 2}", ORIGINAL, null)).isInstanceOf(Replays.NotJson.class);
        assertThatThrownBy(() -> Replays.request("[1, 2]", ORIGINAL, null)).isInstanceOf(Replays.NotJson.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void thePayloadIsOfferedForEditingOnlyWhenTheServiceShowedAllOfIt() {
        assertThat(Replays.shownPayload(Map.of("payload", "{\"nama\": \"Sungai Paring é\"}", "payloadBytes", 28)))
                .isEqualTo("{\"nama\": \"Sungai Paring é\"}");
        assertThat(Replays.shownPayload(Map.of("payload", "{\"nama\": \"x…", "payloadBytes", 900_000))).isNull();
        assertThat(Replays.shownPayload(Map.of("payloadBytes", 0))).isNull();
    }
}
