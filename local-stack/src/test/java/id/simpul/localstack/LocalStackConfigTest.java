package id.simpul.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackConfigTest {

    private final LocalStackConfig config = LocalStackConfig.forTests(Path.of(".."), Path.of("target/local-stack-config-test"));

    @Test
    void identityServiceHasAPortOfItsOwnAndIsNotOneOfTheEventDrivenServices() {
        assertThat(config.port(LocalStackConfig.IDENTITY)).isPositive()
                .isNotIn(config.port("registry-service"), config.port("training-service"), config.port("reporting-service"));
        assertThat(config.services()).doesNotContain(LocalStackConfig.IDENTITY);
    }

    @Test
    void identityServiceIsToldItsPortItsIssuerAndToCreateTheDemoUsersWithTheSeeds() {
        var env = config.serviceEnvironment(LocalStackConfig.IDENTITY);

        assertThat(env).containsEntry("SIMPUL_IDENTITY_PORT", String.valueOf(config.port(LocalStackConfig.IDENTITY)))
                .containsEntry("SIMPUL_IDENTITY_DEMO_USERS", "true")
                .containsEntry("SIMPUL_IDENTITY_ISSUER", "http://localhost:" + config.port(LocalStackConfig.IDENTITY))
                .containsEntry("MONGODB_URI", config.mongoUri());
        assertThat(config.serviceEnvironment("registry-service")).doesNotContainKey("SIMPUL_IDENTITY_DEMO_USERS");
    }

    @Test
    void theServicesTakeTheTokensOfIdentityService() {
        for (String service : config.services()) {
            assertThat(config.serviceEnvironment(service)).as(service)
                    .containsEntry("SIMPUL_ISSUER_URI", "http://localhost:" + config.port(LocalStackConfig.IDENTITY));
        }
        assertThat(config.serviceEnvironment(LocalStackConfig.IDENTITY)).doesNotContainKey("SIMPUL_ISSUER_URI");
    }
}
