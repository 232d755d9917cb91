package id.simpul.training.support;

import id.simpul.contracts.EventSchemas;
import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.testinfra.TopicRecords;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** KIM events as registry-service publishes them, for tests of training-service's own view of KIMs. */
public final class RegistryEvents {

    /** A KIM registered (SUBMITTED, version 1) and, unless it stays SUBMITTED, moved to {@code status} (version 2). */
    public static void kim(String bootstrap, String kimId, String name, String villageCode, String status) {
        send(bootstrap, EventTypes.KIM_REGISTERED, kimId, """
                {"kimId": "%s", "version": 1, "name": "%s", "villageCode": "%s", "status": "SUBMITTED",
                 "focusAreas": ["HEALTH"], "mediaChannels": [], "registeredAt": "%s"}"""
                .formatted(kimId, name, villageCode, Instant.now()));
        if (!status.equals("SUBMITTED")) {
            statusChanged(bootstrap, kimId, name, villageCode, 2, "SUBMITTED", status);
        }
    }

    public static void statusChanged(String bootstrap, String kimId, String name, String villageCode, int version,
                                     String from, String to) {
        send(bootstrap, EventTypes.KIM_STATUS_CHANGED, kimId, """
                {"kimId": "%s", "version": %d, "name": "%s", "villageCode": "%s", "previousStatus": "%s", "status": "%s",
                 "reason": "test", "changedAt": "%s"}""".formatted(kimId, version, name, villageCode, from, to, Instant.now()));
    }

    private static void send(String bootstrap, String type, String kimId, String json) {
        assertThat(EventSchemas.validate(type, json)).as(json).isEmpty();
        TopicRecords.send(bootstrap, TopicRecords.cloudEvent(Topics.KIMS, type, kimId, json));
    }

    private RegistryEvents() {
    }
}
