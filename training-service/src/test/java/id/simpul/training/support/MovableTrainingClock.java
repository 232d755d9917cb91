package id.simpul.training.support;

import id.simpul.training.common.TrainingClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The time training-service's rules read, movable by tests (found by component scanning, so every training test
 * shares one context): {@code at(instant, () -> ...)} runs requests as if it were then. The outbox and leases keep
 * the real time.
 */
@Configuration
public class MovableTrainingClock {

    /** System time plus an offset that a test sets for the length of a block. */
    public static final class Movable extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        /** Runs {@code requests} with the rules' time at {@code then}, and puts it back. */
        public synchronized <T> T at(Instant then, Supplier<T> requests) {
            offset = Duration.between(Instant.now(), then);
            try {
                return requests.get();
            } finally {
                offset = Duration.ZERO;
            }
        }
    }

    public static final Movable CLOCK = new Movable();

    @Bean
    @Primary
    TrainingClock testTrainingClock() {
        return new TrainingClock(CLOCK);
    }
}
