package id.simpul.eventing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a test make the consumer fail: a label {@code fail-N-...} fails its first N attempts, {@code fail-always-...}
 * every attempt. Counts the attempts per label.
 */
public class HandlerFaults {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    void attempt(String label) {
        int attempt = attempts.computeIfAbsent(label, l -> new AtomicInteger()).incrementAndGet();
        if (label.startsWith("fail-always-")) {
            throw new IllegalStateException("Handler fails for " + label);
        }
        if (label.startsWith("fail-")) {
            int failures = Integer.parseInt(label.split("-")[1]);
            if (attempt <= failures) {
                throw new IllegalStateException("Handler fails attempt " + attempt + " for " + label);
            }
        }
    }

    public int attempts(String label) {
        AtomicInteger count = attempts.get(label);
        return count == null ? 0 : count.get();
    }
}
