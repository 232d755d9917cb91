package id.simpul.web.kim;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KimFormTest {

    @Test
    void theFormBecomesTheRegistryRequestWithBlanksLeftOut() {
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("name", " KIM Sungai Paring ");
        fields.add("villageCode", "63.03.05.1005");
        fields.add("memberCount", "20");
        fields.add("decree.number", "12/SK/2024");
        fields.add("decree.issuer", "");
        fields.add("media.type", "");
        fields.add("focusAreas", "HEALTH");
        fields.add("focusAreas", "UMKM");

        Map<String, Object> request = KimForm.request(fields);

        assertThat(request).containsEntry("name", "KIM Sungai Paring").containsEntry("memberCount", 20L)
                .containsEntry("status", "SUBMITTED").containsEntry("decree", Map.of("number", "12/SK/2024"))
                .containsEntry("focusAreas", List.of("HEALTH", "UMKM"))
                .doesNotContainKeys("mediaChannels", "contact", "officers", "address");
    }

    @Test
    void aNumberThatIsNotOneGoesAsWrittenForTheServiceToName() {
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("memberCount", "twenty");
        assertThat(KimForm.request(fields)).containsEntry("memberCount", "twenty");
    }

    @Test
    void theServicesFieldNamesAreTheInputs() {
        assertThat(KimForm.errorsByInput(Map.of("mediaChannels[0].address", "must not be blank", "decree.number", "is required")))
                .containsEntry("media.address", "must not be blank").containsEntry("decree.number", "is required");
    }

    @Test
    void aSearchWithoutFiltersAsksForThePageOnly() {
        java.net.URI uri = new KimSearch(null, null, null, null, "name,asc", 0)
                .uri(org.springframework.web.util.UriComponentsBuilder.fromUriString("http://registry"));
        assertThat(uri.toString()).isEqualTo("http://registry/api/kims?sort=name,asc&page=0&size=20");
    }
}
