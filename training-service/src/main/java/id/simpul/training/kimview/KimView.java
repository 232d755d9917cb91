package id.simpul.training.kimview;

import id.simpul.contracts.EventTypes;
import id.simpul.eventing.EventHandlers;
import id.simpul.eventing.EventJson;
import id.simpul.eventing.ReadModels;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * training-service's own view of KIMs, kept from registry events (no calls to registry-service): which KIMs exist,
 * where, and in which status, so that enrolment can decide eligibility locally.
 */
@Configuration
class KimView {

    static final String COLLECTION = "kim_view";

    /** What training reads of any KIM event: every one carries these. */
    record KimPayload(String kimId, long version, String name, String villageCode, String status) {
    }

    @Bean
    Consumer<Message<byte[]>> kimEvents(MongoOperations mongo, MeterRegistry meters) {
        return EventHandlers.builder("training", EventJson.mapper(), meters)
                .on(EventTypes.KIM_REGISTERED, KimPayload.class, (event, kim) -> apply(mongo, kim))
                .on(EventTypes.KIM_UPDATED, KimPayload.class, (event, kim) -> apply(mongo, kim))
                .on(EventTypes.KIM_STATUS_CHANGED, KimPayload.class, (event, kim) -> apply(mongo, kim))
                .build();
    }

    private static void apply(MongoOperations mongo, KimPayload kim) {
        ReadModels.applyIfNewer(mongo, COLLECTION, kim.kimId(), kim.version(), new Update()
                .set("name", kim.name())
                .set("villageCode", kim.villageCode())
                .set("status", kim.status()));
    }
}
