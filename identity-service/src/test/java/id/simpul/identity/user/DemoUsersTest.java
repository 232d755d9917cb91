package id.simpul.identity.user;

import id.simpul.localstack.Launcher;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ./simpul start lists the demo users identity-service creates, each with its role. */
class DemoUsersTest {

    @Test
    void theLauncherListsEveryDemoUserWithItsRoleAndScope() {
        assertThat(Launcher.DEMO_USERS.keySet()).containsExactlyElementsOf(DemoUsers.ALL.stream().map(DemoUsers.Demo::username).toList());
        DemoUsers.ALL.forEach(demo -> assertThat(Launcher.DEMO_USERS.get(demo.username())).as(demo.username())
                .startsWith(demo.role().name()).contains(demo.scope().isEmpty() ? "the whole country" : demo.scope()));
    }
}
