package id.simpul.training.common;

import java.time.Clock;

/**
 * "Now" as training-service's rules read it: whether a start lies in the past, a training has begun, a publication
 * date is in the future. Its own bean, apart from the clock of the outbox and leases, so that tests can read the rules
 * at another time without moving the infrastructure's time.
 */
public class TrainingClock {

    private final Clock clock;

    public TrainingClock(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }
}
