package id.simpul.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm that docker-compose imports (keycloak/simpul-realm.json) parses and holds what sign-in relies
 * on: the roles of docs/access.md, the claims Simpul reads, clients without implicit or password grants (PKCE for the
 * public one), locking after repeated failures, and a demo user per role with the claims its role needs.
 */
class KeycloakRealmTest {

    private static final Path ROOT = Path.of("..");
    private final JsonNode realm = new ObjectMapper().readTree(Files.readString(ROOT.resolve("keycloak/simpul-realm.json")));

    KeycloakRealmTest() throws IOException {
    }

    @Test
    void theRealmHoldsExactlyTheRolesOfTheAccessTable() throws IOException {
        Set<String> documented = new LinkedHashSet<>();
        Matcher role = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| ").matcher(Files.readString(ROOT.resolve("docs/access.md")));
        while (role.find()) {
            documented.add(role.group(1));
        }

        assertThat(names(realm.at("/roles/realm"), "name")).containsExactlyInAnyOrderElementsOf(documented).hasSize(8);
    }

    @Test
    void tokensCarryTheClaimsSimpulReads() {
        JsonNode scope = realm.get("clientScopes").get(0);
        List<String> claims = new ArrayList<>();
        scope.get("protocolMappers").forEach(m -> claims.add(m.at("/config/claim.name").asText(m.at("/config/included.custom.audience").asText())));

        assertThat(scope.get("name").asText()).isEqualTo("simpul");
        assertThat(claims).contains("roles", "region_scope", "partner_id", "kim_id", "simpul");
        assertThat(names(realm.get("defaultDefaultClientScopes"), null)).containsExactly("simpul");
        assertThat(realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/kc.user.profile.config/0").asText())
                .as("the attributes are managed, so that Keycloak keeps them").contains("region_scope", "partner_id", "kim_id");
    }

    @Test
    void noClientHasTheImplicitOrThePasswordGrantAndThePublicOneUsesPkce() {
        realm.get("clients").forEach(client -> {
            assertThat(client.get("implicitFlowEnabled").asBoolean()).as(client.get("clientId").asText()).isFalse();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(client.get("clientId").asText()).isFalse();
            if (client.get("publicClient").asBoolean()) {
                assertThat(client.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
            }
        });
        assertThat(names(realm.get("clients"), "clientId")).containsExactlyInAnyOrder("simpul-cli", "simpul-web", "outside-dashboard");
        JsonNode dashboard = client("outside-dashboard");
        assertThat(dashboard.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(dashboard.get("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void repeatedFailuresLockTheAccountAndPasswordsAreLongEnough() {
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isEqualTo(5);
        assertThat(realm.get("passwordPolicy").asText()).contains("length(8)");
        assertThat(realm.get("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void everyRoleHasADemoUserWithTheClaimsItsRoleNeeds() {
        Set<String> covered = new LinkedHashSet<>();
        realm.get("users").forEach(user -> {
            String name = user.get("username").asText();
            JsonNode roles = user.get("realmRoles");
            assertThat(roles).as(name).hasSize(1);
            String role = roles.get(0).asText();
            covered.add(role);
            if (user.has("serviceAccountClientId")) {
                return;
            }
            assertThat(user.at("/credentials/0/type").asText()).as(name).isEqualTo("password");
            assertThat(user.at("/credentials/0/value").asText()).as(name).hasSizeGreaterThanOrEqualTo(8);
            switch (role) {
                case "PARTNER" -> assertThat(user.at("/attributes/partner_id/0").asText()).as(name).matches("[0-9a-f-]{36}");
                case "KIM_OFFICER" -> assertThat(user.at("/attributes/kim_id/0").asText()).as(name).matches("[0-9a-f-]{36}");
                case "PROVINCE_OFFICER" -> assertThat(user.at("/attributes/region_scope/0").asText()).as(name).matches("\\d{2}");
                case "REGENCY_OFFICER" -> assertThat(user.at("/attributes/region_scope/0").asText()).as(name).matches("\\d{2}\\.\\d{2}");
                default -> {
                }
            }
        });
        assertThat(covered).containsExactlyInAnyOrderElementsOf(names(realm.at("/roles/realm"), "name"));
    }

    @Test
    void theDemoUsersAreThoseOfTheEmbeddedIdentityServiceAsTheReadmeListsThem() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z.@]+)` \\| ([A-Z_]+) \\| ([^|]*)\\|").matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            java.util.regex.Matcher code = Pattern.compile("`(\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?)`").matcher(row.group(3));
            listed.add(row.group(1) + " " + row.group(2) + " " + (code.find() ? code.group(1) : ""));
        }
        Set<String> inRealm = new LinkedHashSet<>();
        realm.get("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                inRealm.add(user.get("username").asText() + " " + user.at("/realmRoles/0").asText() + " "
                        + user.at("/attributes/region_scope/0").asText(""));
            }
        });

        assertThat(inRealm).containsExactlyInAnyOrderElementsOf(listed).hasSize(8);
        realm.get("users").forEach(user -> assertThat(user.at("/credentials/0/value").asText("Simpul-Demo-2026!"))
                .as("the README's demo password").isEqualTo("Simpul-Demo-2026!"));
    }

    @Test
    void dockerComposeImportsTheRealm() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));

        assertThat(compose).contains("--import-realm").contains("./keycloak:/opt/keycloak/data/import:ro");
        assertThat(compose).as("the services take the realm's tokens").contains("SIMPUL_ISSUER_URI: http://localhost:8180/realms/"
                + realm.get("realm").asText()).contains("/realms/simpul/protocol/openid-connect/certs");
    }

    private JsonNode client(String id) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(id)) {
                return client;
            }
        }
        throw new AssertionError("no client " + id);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(field == null ? node.asText() : node.get(field).asText()));
        return names;
    }
}
