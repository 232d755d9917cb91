package id.simpul.testinfra;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A consuming service's {@code /api/admin/dead-letters}, as a test or an operator reads it. */
public final class DeadLetterApi {

    /** The dead letter of the record with {@code key}, once the service has kept it (as listed, without payload). */
    public static Map<String, Object> awaitKept(Http service, String key, Duration timeout) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] found = new Map[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> items = service.get("/api/admin/dead-letters?size=100").json("$.items");
            found[0] = items.stream().filter(item -> key.equals(item.get("key"))).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private DeadLetterApi() {
    }
}
