package id.simpul.reporting.projection;

import id.simpul.contracts.EventTypes;
import id.simpul.eventing.EventHandlers;
import id.simpul.eventing.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The event streams reporting-service reads (bindings in application.yml) and the projection of each type. */
@Configuration
class EventBindings {

    @Bean
    Consumer<Message<byte[]>> kimEvents(KimProjection kims, MeterRegistry meters) {
        return EventHandlers.builder("reporting", EventJson.mapper(), meters)
                .on(EventTypes.KIM_REGISTERED, KimPayloads.Snapshot.class, (event, kim) -> kims.registered(kim))
                .on(EventTypes.KIM_UPDATED, KimPayloads.Snapshot.class, (event, kim) -> kims.updated(kim))
                .on(EventTypes.KIM_STATUS_CHANGED, KimPayloads.StatusChanged.class, (event, change) -> kims.statusChanged(change))
                .build();
    }
}
