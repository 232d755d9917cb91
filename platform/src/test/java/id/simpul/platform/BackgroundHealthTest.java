package id.simpul.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BackgroundHealthTest {

    private final BackgroundHealth health = new BackgroundHealth(Duration.ofMillis(200), Duration.ofMillis(300));

    @AfterEach
    void stop() {
        health.destroy();
    }

    @Test
    void aCheckThatDoesNotAnswerInTimeIsDownAndTheAnswerComesAtOnce() {
        HealthIndicator hanging = (HealthIndicator) health.postProcessAfterInitialization((HealthIndicator) () -> {
            sleep(10_000);
            return Health.up().build();
        }, "hangingHealthIndicator");

        long started = System.nanoTime();
        Health answer = hanging.health();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(answer.getDetails()).containsEntry("error", "No answer within 300 ms");
    }

    @Test
    void theLatestResultIsAnsweredWithoutCheckingAgain() {
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger state = new AtomicInteger();
        HealthIndicator counted = (HealthIndicator) health.postProcessAfterInitialization((HealthIndicator) () -> {
            checks.incrementAndGet();
            return state.get() == 0 ? Health.up().build() : Health.down().build();
        }, "countedHealthIndicator");

        assertThat(counted.health().getStatus()).isEqualTo(Status.UP);
        int before = checks.get();
        for (int i = 0; i < 50; i++) {
            counted.health();
        }
        assertThat(checks.get()).as("asking does not check").isLessThanOrEqualTo(before + 1);

        state.set(1);
        await().atMost(Duration.ofSeconds(2)).until(() -> counted.health().getStatus().equals(Status.DOWN));
    }

    @Test
    void indicatorsOfTheProcessItselfAreLeftAsTheyAre() {
        HealthIndicator readiness = () -> Health.up().build();

        assertThat(health.postProcessAfterInitialization(readiness, "readinessStateHealthIndicator")).isSameAs(readiness);
        assertThat(health.postProcessAfterInitialization("not an indicator", "something")).isEqualTo("not an indicator");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
