package id.simpul.eventing;

import id.simpul.eventing.sample.Parcel;
import id.simpul.eventing.sample.ParcelCreated;
import id.simpul.eventing.sample.ParcelMapping;
import id.simpul.eventing.sample.ParcelRelabelled;
import id.simpul.eventing.sample.ParcelView;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

import java.util.function.Consumer;

/**
 * A small service on the eventing library: it stores parcels with their events and consumes the same events into
 * a read model, the way registry-service and reporting-service do.
 */
@SpringBootApplication
public class EventingSampleApplication {

    public static final String TOPIC = "simpul.test.parcels.v1";
    public static final String DLQ = "simpul.test.parcels.dlq.v1";
    public static final String CREATED = "id.simpul.test.parcel.created.v1";
    public static final String RELABELLED = "id.simpul.test.parcel.relabelled.v1";
    public static final String VIEW = "parcel_view";

    @Bean
    EventCatalog eventCatalog() {
        return EventCatalog.builder()
                .event(ParcelCreated.class, CREATED, TOPIC, e -> e.parcelId().value())
                .event(ParcelRelabelled.class, RELABELLED, TOPIC, e -> e.parcelId().value())
                .build();
    }

    /**
     * The sample's contract: its two types (they have no published schema), a label no longer than 50, and the
     * size limit of every Simpul contract.
     */
    static final EventContract CONTRACT = new EventContract() {
        @Override
        public void check(IncomingEvent event) {
            if (event.payload().length > MAX_PAYLOAD_BYTES) {
                throw new ContractViolationException("Payload of " + event.payload().length + " bytes is too large");
            }
            tools.jackson.databind.JsonNode payload;
            try {
                payload = EventJson.mapper().readTree(event.payload());
            } catch (tools.jackson.core.JacksonException e) {
                throw new ContractViolationException("Payload of " + event.id() + " is not JSON");
            }
            if (!payload.isObject() || payload.path("label").asString("").length() > 50) {
                throw new ContractViolationException("Payload of " + event.id() + " is not a parcel with a label of at most 50");
            }
        }

        @Override
        public boolean describes(String type) {
            return CREATED.equals(type) || RELABELLED.equals(type);
        }
    };

    @Bean
    DeadLetters.Replay parcelDeadLetterReplay(Consumer<org.springframework.messaging.Message<byte[]>> parcelEvents) {
        return parcelEvents::accept;
    }

    @Bean
    AggregateStore<Parcel> parcels(AggregateStores stores) {
        return stores.create("parcels", new ParcelMapping());
    }

    @Bean
    HandlerFaults handlerFaults() {
        return new HandlerFaults();
    }

    @Bean
    Consumer<org.springframework.messaging.Message<byte[]>> parcelEvents(MongoOperations mongo, HandlerFaults faults,
                                                                          MeterRegistry meters) {
        return EventHandlers.builder("eventing-sample", EventJson.mapper(), meters)
                .contract(CONTRACT)
                .on(CREATED, ParcelView.class, (event, view) -> project(mongo, faults, view))
                .on(RELABELLED, ParcelView.class, (event, view) -> project(mongo, faults, view))
                .build();
    }

    private static void project(MongoOperations mongo, HandlerFaults faults, ParcelView view) {
        faults.attempt(view.label());
        new ReadModels(mongo).applyIfNewer(VIEW, view.parcelId(), view.version(), document -> document
                .append("label", view.label()).append("applied", document.getInteger("applied", 0) + 1));
    }
}
