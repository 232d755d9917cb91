package id.simpul.web.workspace;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.LinkedMultiValueMap;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormsTest {

    @Test
    void dottedInputsNestAndBlanksAreLeftOutForTheServiceToJudge() {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("title", "  Pembekalan KIM  ");
        fields.add("venue.regionCode", "63.03.05");
        fields.add("venue.address", "");
        fields.add("capacity", "40");
        fields.add("start", "2027-02-10T09:00");

        Map<String, Object> request = Forms.request(fields, List.of("title", "venue.regionCode", "venue.address", "capacity", "start", "end"),
                Set.of("capacity"));

        assertThat(request).containsExactly(Map.entry("title", "Pembekalan KIM"), Map.entry("venue", Map.of("regionCode", "63.03.05")),
                Map.entry("capacity", 40L), Map.entry("start", "2027-02-10T09:00"));
    }

    @Test
    void aNumberThatIsNotOneIsSentAsTypedSoTheServiceNamesTheField() {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("capacity", "empat puluh");
        assertThat(Forms.request(fields, List.of("capacity"), Set.of("capacity"))).containsEntry("capacity", "empat puluh");
    }

    @Test
    void whatWasTypedIsKeptForEveryInputEvenTheOnesLeftEmpty() {
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("title", "x");
        assertThat(Forms.values(fields, List.of("title", "topic"))).containsExactly(Map.entry("title", "x"), Map.entry("topic", ""));
    }

    @Test
    void aRefusalOfTheInputIsForTheFormAndARefusalOfThePersonOrAnOutageIsNot() {
        ServiceProblem invalid = new ServiceProblem("training-service", HttpStatusCode.valueOf(422),
                Map.of("detail", "Invalid", "errors", List.of(Map.of("field", "start", "message", "must not be null"))));
        assertThat(invalid.aboutTheInput()).isSameAs(invalid);
        assertThat(Refusals.text(invalid)).isEqualTo("Invalid (start: must not be null)");

        for (int status : new int[]{401, 403, 503}) {
            ServiceProblem notAboutTheInput = new ServiceProblem("training-service", HttpStatusCode.valueOf(status), Map.of());
            assertThatThrownBy(notAboutTheInput::aboutTheInput).isSameAs(notAboutTheInput);
        }
    }

    @Test
    void trainingTimesAreShownInTheVenuesLocalTimeWithTheZoneName() {
        Times times = new Times();
        Map<String, Object> start = Map.of("local", "2027-02-10T09:00:00", "timeZone", "WITA", "utcOffset", "+08:00");
        assertThat(times.local(start)).isEqualTo("2027-02-10 09:00 WITA");
        assertThat(times.input(start)).isEqualTo("2027-02-10T09:00");
        assertThat(times.local(null)).isEmpty();
        assertThat(times.at("2027-02-10T01:00:00Z", "WIT")).isEqualTo("2027-02-10 10:00 WIT");
    }

    @Test
    void aRefusalWhoseDetailIsItsOnlyFieldErrorIsSaidOnce() {
        ServiceProblem refused = new ServiceProblem("training-service", HttpStatusCode.valueOf(422), Map.of("detail",
                "must not be before the KIM's training on 2026-12-03",
                "errors", List.of(Map.of("field", "publishedOn", "message", "must not be before the KIM's training on 2026-12-03"))));
        assertThat(Refusals.text(refused)).isEqualTo("publishedOn: must not be before the KIM's training on 2026-12-03");
    }

    @Test
    void theZonesOfIndonesiaByName() {
        assertThat(Times.zone("WITA")).hasToString("Asia/Makassar");
        assertThat(Times.zone("WIT")).hasToString("Asia/Jayapura");
        assertThat(Times.zone(null)).hasToString("Asia/Jakarta");
    }
}
