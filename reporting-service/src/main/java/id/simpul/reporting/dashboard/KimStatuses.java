package id.simpul.reporting.dashboard;

import java.util.List;

/** The KIM statuses the contract names (schema of id.simpul.kim.registered.v1), in lifecycle order. */
final class KimStatuses {

    static final List<String> ALL = List.of("CANDIDATE", "SUBMITTED", "VERIFIED", "ACTIVE", "DORMANT", "REJECTED", "DISSOLVED");

    private KimStatuses() {
    }
}
