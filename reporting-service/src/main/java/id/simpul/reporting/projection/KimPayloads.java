package id.simpul.reporting.projection;

import java.time.Instant;
import java.util.List;

/** reporting-service's reading of the KIM events: only what its figures need (tolerant of added fields). */
final class KimPayloads {

    /** {@code id.simpul.kim.registered.v1} and {@code id.simpul.kim.updated.v1}: the public profile as it is. */
    record Snapshot(String kimId, long version, String name, String villageCode, String status, List<String> focusAreas,
                    List<Media> mediaChannels, Integer memberCount, Instant registeredAt, Instant updatedAt) {

        Snapshot {
            focusAreas = focusAreas == null ? List.of() : focusAreas;
            mediaChannels = mediaChannels == null ? List.of() : mediaChannels;
        }
    }

    record Media(String type, Integer followers) {
    }

    /** {@code id.simpul.kim.status-changed.v1}. */
    record StatusChanged(String kimId, long version, String name, String villageCode, String status, Instant changedAt) {
    }

    private KimPayloads() {
    }
}
