package id.simpul.reporting.projection;

import java.time.Instant;

/** reporting-service's reading of {@code id.simpul.kim.registered.v1}: only what its figures need. */
record KimRegisteredPayload(String kimId, long version, String name, String villageCode, String status,
                            Instant registeredAt) {
}
