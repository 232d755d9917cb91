package id.simpul.registry.kim;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code kimList} in {@code /actuator/health} and in the readiness group: out of service until the list index has read
 * the collection once (some 10-40 s at 100,000 KIMs), so that an instance gets no traffic while its lists could only
 * answer 503; then up, with the number of KIMs it lists.
 */
@Component("kimList")
class KimListHealthIndicator extends AbstractHealthIndicator {

    private final KimListIndex index;

    KimListHealthIndicator(KimListIndex index) {
        super("The list of KIMs could not be looked at");
        this.index = index;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (index.loaded()) {
            builder.up().withDetail("kims", index.size());
        } else {
            builder.outOfService().withDetail("reason", "the KIMs are still being read from the store");
        }
    }
}
