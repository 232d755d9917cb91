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

    private static final Map<String, Object> SUNGAI_PARING = Map.ofEntries(
            Map.entry("id", "895f2593-f8f3-3ad0-806b-9e7a024087ca"), Map.entry("name", "KIM Sungai Paring Sehat"),
            Map.entry("villageCode", "63.03.05.1005"), Map.entry("place", Map.of("village", "Sungai Paring")),
            Map.entry("memberCount", 18),
            Map.entry("decree", Map.of("number", "142/SK/2021", "date", "2021-01-11", "issuer", "Lurah", "complete", true)),
            Map.entry("officers", Map.of("chair", "Muhammad Noor",
                    "sectionHeads", List.of(Map.of("section", "Humas", "name", "Teuku Iskandar")))),
            Map.entry("mediaChannels", List.of(Map.of("type", "WHATSAPP", "address", "Grup KIM", "followers", 240),
                    Map.of("type", "INSTAGRAM", "address", "@kim.sungaiparing"))),
            Map.entry("focusAreas", List.of("HEALTH", "UMKM")), Map.entry("status", "VERIFIED"),
            Map.entry("candidateCriteria", Map.of("productive", false, "hasPotential", true, "active", false, "hasOwnMedia", true)));

    @Test
    void aRegisteredKimFillsTheEditForm() {
        Map<String, String> values = KimForm.values(SUNGAI_PARING);
        assertThat(values).containsEntry("name", "KIM Sungai Paring Sehat").containsEntry("decree.number", "142/SK/2021")
                .containsEntry("officers.chair", "Muhammad Noor").containsEntry("media.type", "WHATSAPP")
                .containsEntry("media.followers", "240").containsEntry("focusAreas", "HEALTH,UMKM").containsEntry("contact.email", "");
    }

    @Test
    void anEditReplacesWhatTheFormShowsAndKeepsWhatItDoesNot() {
        var fields = new LinkedMultiValueMap<String, String>();
        KimForm.values(SUNGAI_PARING).forEach((input, value) -> {
            if (!input.equals("focusAreas")) {
                fields.add(input, value);
            }
        });
        fields.set("memberCount", "25");
        fields.set("officers.chair", "");
        fields.add("focusAreas", "HEALTH");

        Map<String, Object> update = KimForm.update(SUNGAI_PARING, fields);

        assertThat(update).containsEntry("memberCount", 25L).containsEntry("focusAreas", List.of("HEALTH"))
                .doesNotContainKeys("status", "id", "place")
                .containsEntry("decree", Map.of("number", "142/SK/2021", "date", "2021-01-11", "issuer", "Lurah"))
                .containsEntry("officers", Map.of("sectionHeads", List.of(Map.of("section", "Humas", "name", "Teuku Iskandar"))))
                .containsEntry("mediaChannels", List.of(Map.of("type", "WHATSAPP", "address", "Grup KIM", "followers", 240L),
                        Map.of("type", "INSTAGRAM", "address", "@kim.sungaiparing")))
                .containsEntry("candidateCriteria", Map.of("productive", false, "hasPotential", true, "active", false, "hasOwnMedia", true));
    }
}
