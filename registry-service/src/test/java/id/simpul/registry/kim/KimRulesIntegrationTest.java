package id.simpul.registry.kim;

import id.simpul.testinfra.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicates and the regional rules (sample rules of application.yml: national 5 members, Kalsel 10, Banjar 15 + SK). */
class KimRulesIntegrationTest extends KimApiTestBase {

    @Test
    void theSameNameInTheSameVillageIsADuplicateNamingTheExistingKim() {
        String name = KimApi.uniqueName("KIM Kelayan");
        String existing = api.registerValid(name, "63.71.01.1002");

        Http.Response again = api.register(KimApi.validBody("  " + name.toLowerCase().replace("kim ", "") + "  ", "63.71.01.1002"));

        assertThat(again.status()).isEqualTo(409);
        assertThat((String) again.json("$.field")).isEqualTo("name");
        assertThat((Map<String, String>) again.json("$.existingKim")).containsEntry("id", existing).containsEntry("name", name);
        assertThat((String) again.json("$.detail"))
                .isEqualTo(name + " (" + existing + ") is already registered in village 63.71.01.1002.");
    }

    @Test
    void theSameNameInAnotherVillageIsAnotherKim() {
        String name = KimApi.uniqueName("KIM Bersama");
        api.registerValid(name, "63.71.02.1001");

        assertThat(api.register(KimApi.validBody(name, "63.71.02.1002")).status()).isEqualTo(201);
    }

    @Test
    void theSameKimIdNumberIsADuplicate() {
        String number = "KIM-TEST-" + System.nanoTime();
        Http.Response first = api.register(KimApi.validBody(KimApi.uniqueName("KIM Satu"), "32.73.01.1001")
                .replace("{\"name\"", "{\"kimIdNumber\": \"" + number + "\", \"name\""));
        assertThat(first.status()).isEqualTo(201);

        Http.Response second = api.register(KimApi.validBody(KimApi.uniqueName("KIM Dua"), "32.73.01.1002")
                .replace("{\"name\"", "{\"kimIdNumber\": \"" + number + "\", \"name\""));

        assertThat(second.status()).isEqualTo(409);
        assertThat((String) second.json("$.field")).isEqualTo("kimIdNumber");
        assertThat((String) second.json("$.existingKim.id")).isEqualTo(first.json("$.id"));
    }

    @Test
    void renamingIntoAnExistingNameIsADuplicateToo() {
        String taken = KimApi.uniqueName("KIM Gegerkalong");
        api.registerValid(taken, "32.73.01.1002");
        String id = api.registerValid(KimApi.uniqueName("KIM Lain"), "32.73.01.1002");

        Http.Response rename = api.put(id, "\"1\"", KimApi.validBody(taken, "32.73.01.1002"));

        assertThat(rename.status()).isEqualTo(409);
        assertThat((Integer) api.get(id).json("$.version")).isEqualTo(1);
    }

    @Test
    void simultaneousRegistrationsOfTheSameKimLeaveExactlyOne() throws Exception {
        String body = KimApi.validBody(KimApi.uniqueName("KIM Serentak"), "34.71.01.1001");
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            posts.add(() -> api.register(body).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> status : pool.invokeAll(posts)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void kabupatenBanjarRequiresItsDecreeAndFifteenMembers() {
        Http.Response response = api.register("""
                {"name": "%s", "villageCode": "63.03.05.1001", "memberCount": 12}""".formatted(KimApi.uniqueName("KIM Kecil")));

        assertThat(response.status()).isEqualTo(422);
        assertThat((String) response.json("$.type")).isEqualTo("https://simpul.id/problems/rule-violation");
        assertThat((List<Map<String, String>>) response.json("$.errors")).containsExactly(
                Map.of("field", "memberCount", "message", "must be at least 15: Kabupaten Banjar (63.03) requires at least 15 members"),
                Map.of("field", "decree.number", "message", "is required: Kabupaten Banjar (63.03) requires the founding decree (SK)"),
                Map.of("field", "decree.date", "message", "is required: Kabupaten Banjar (63.03) requires the founding decree (SK)"));
    }

    @Test
    void theRestOfSouthKalimantanFollowsTheProvincialMinimumWithoutDecree() {
        Http.Response tooSmall = api.register("""
                {"name": "%s", "villageCode": "63.01.01.2001", "memberCount": 9}""".formatted(KimApi.uniqueName("KIM Takisung")));
        Http.Response enough = api.register("""
                {"name": "%s", "villageCode": "63.01.01.2001", "memberCount": 10}""".formatted(KimApi.uniqueName("KIM Takisung")));

        assertThat(tooSmall.status()).isEqualTo(422);
        assertThat((String) tooSmall.json("$.errors[0].message")).contains("Kalimantan Selatan (63) requires at least 10 members");
        assertThat(enough.status()).isEqualTo(201);
    }

    @Test
    void elsewhereTheNationalMinimumApplies() {
        Http.Response response = api.register("""
                {"name": "%s", "villageCode": "91.71.01.1001", "memberCount": 4}""".formatted(KimApi.uniqueName("KIM Gurabesi")));

        assertThat(response.status()).isEqualTo(422);
        assertThat((String) response.json("$.errors[0].message")).contains("the national rule requires at least 5 members");
    }

    @Test
    void aCandidateCommunityIsRecordedWithoutMeetingTheRulesButCannotBeSubmittedUntilItDoes() {
        Http.Response candidate = api.register("""
                {"name": "%s", "villageCode": "63.03.05.2011", "memberCount": 9, "status": "CANDIDATE",
                 "candidateCriteria": {"productive": true, "hasPotential": true, "active": true, "hasOwnMedia": false}}"""
                .formatted(KimApi.uniqueName("Pemuda Tanjung Rema")));
        assertThat(candidate.status()).as(candidate.body()).isEqualTo(201);
        assertThat((String) candidate.json("$.status")).isEqualTo("CANDIDATE");
        assertThat((Boolean) candidate.json("$.candidateCriteria.productive")).isTrue();
        String id = candidate.json("$.id");

        Http.Response promotion = api.changeStatus(id, "SUBMITTED", null);

        assertThat(promotion.status()).isEqualTo(422);
        assertThat((List<String>) promotion.json("$.errors[*].field")).containsExactly("memberCount", "decree.number", "decree.date");
        assertThat((String) api.get(id).json("$.status")).isEqualTo("CANDIDATE");
    }

    @Test
    void anUpdateMayNotBreakTheRules() {
        String name = KimApi.uniqueName("KIM Jawa Laut");
        String id = api.registerValid(name, "63.03.05.1002");

        Http.Response response = api.put(id, "\"1\"", KimApi.validBody(name, "63.03.05.1002").replace("\"memberCount\": 20", "\"memberCount\": 14"));

        assertThat(response.status()).isEqualTo(422);
        assertThat((Integer) api.get(id).json("$.memberCount")).isEqualTo(20);
    }
}
