package id.simpul.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Health that answers at once whatever is down: every health indicator that talks to something (MongoDB, Kafka, …)
 * is checked in the background every {@code interval}, each check limited to {@code timeout}, and
 * {@code /actuator/health} reports the latest results. A check that does not answer in time counts as DOWN. Without
 * this, a health request waits for every unreachable dependency in turn (the driver's and the client's own
 * timeouts), and a load balancer's probe gives up first.
 */
final class BackgroundHealth implements BeanPostProcessor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundHealth.class);

    /** Boot's indicators that only read this process's own state: nothing to wait for. */
    private static final Set<String> IMMEDIATE = Set.of("livenessStateHealthIndicator", "readinessStateHealthIndicator",
            "pingHealthIndicator", "diskSpaceHealthIndicator");

    private final Duration interval;
    private final Duration timeout;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("background-health").daemon().factory());

    BackgroundHealth(Duration interval, Duration timeout) {
        this.interval = interval;
        this.timeout = timeout;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HealthIndicator indicator && !(bean instanceof Checked) && !IMMEDIATE.contains(beanName)) {
            return new Checked(beanName, indicator);
        }
        return bean;
    }

    @Override
    public void destroy() {
        schedule.shutdownNow();
    }

    /** An indicator checked in the background; {@link #health()} is the latest result. */
    final class Checked implements HealthIndicator {

        private final String name;
        private final HealthIndicator delegate;
        private final CompletableFuture<Health> first = new CompletableFuture<>();
        private final AtomicBoolean idle = new AtomicBoolean(true);
        private volatile Health latest;

        private Checked(String name, HealthIndicator delegate) {
            this.name = name;
            this.delegate = delegate;
            schedule.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public Health health() {
            Health health = latest;
            if (health != null) {
                return health;
            }
            try {
                return first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return timedOut(Instant.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.unknown().build();
            } catch (Exception e) {
                return Health.down(e).build();
            }
        }

        /** Runs the check unless the previous one still runs (that one is DOWN once it takes longer than the timeout). */
        private void check() {
            Instant started = Instant.now();
            if (!idle.compareAndSet(true, false)) {
                set(timedOut(started));
                return;
            }
            CompletableFuture<Health> check = new CompletableFuture<>();
            Thread.ofVirtual().name("health-" + name).start(() -> {
                try {
                    check.complete(delegate.health());
                } catch (RuntimeException e) {
                    log.debug("Health check {} failed", name, e);
                    check.complete(Health.down(e).build());
                } finally {
                    idle.set(true);
                }
            });
            check.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .thenAccept(health -> set(health == null ? timedOut(started) : health));
        }

        private Health timedOut(Instant started) {
            return Health.down().withDetail("error", "No answer within " + timeout.toMillis() + " ms")
                    .withDetail("checkedAt", started.toString()).build();
        }

        private void set(Health health) {
            latest = health;
            first.complete(health);
        }
    }
}
