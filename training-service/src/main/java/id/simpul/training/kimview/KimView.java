package id.simpul.training.kimview;

import id.simpul.contracts.EventTypes;
import id.simpul.eventing.ConsistencySource;
import id.simpul.eventing.DeadLetters;
import id.simpul.eventing.EventHandlers;
import id.simpul.eventing.EventJson;
import id.simpul.eventing.ReadModels;
import id.simpul.eventing.UnknownAggregateException;
import id.simpul.eventing.UnreadableEventException;
import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * training-service's own view of KIMs, kept from registry events (no calls to registry-service): which KIMs exist,
 * where, and in which status, so that enrolment can decide eligibility locally.
 *
 * <p>Each record must meet the published contract and name a village the region dataset knows; otherwise it is
 * dead-lettered at once. Only {@code kim.registered} makes a KIM known: an update or status change of a KIM this view
 * has never seen registered is retried (in case the registration is still on its way) and then dead-lettered, never
 * taken as a new KIM.
 */
@Configuration
class KimView {

    static final String COLLECTION = "kim_view";

    /** What training reads of any KIM event: every one carries these. */
    record KimPayload(String kimId, long version, String name, String villageCode, String status) {
    }

    @Bean
    Consumer<Message<byte[]>> kimEvents(MongoOperations mongo, RegionDataset regions, MeterRegistry meters) {
        ReadModels view = new ReadModels(mongo);
        return EventHandlers.builder("training", EventJson.mapper(), meters)
                .on(EventTypes.KIM_REGISTERED, KimPayload.class, (event, kim) -> apply(mongo, view, regions, kim, true))
                .on(EventTypes.KIM_UPDATED, KimPayload.class, (event, kim) -> apply(mongo, view, regions, kim, false))
                .on(EventTypes.KIM_STATUS_CHANGED, KimPayload.class, (event, kim) -> apply(mongo, view, regions, kim, false))
                .build();
    }

    /** The view, id by id, for the consistency check. */
    @Bean
    ConsistencySource kimViewForConsistency(MongoOperations mongo) {
        return ConsistencySource.view("kims", mongo, () -> COLLECTION, null);
    }

    /** A dead letter is replayed through the same handlers as the live records. */
    @Bean
    DeadLetters.Replay kimDeadLetterReplay(Consumer<Message<byte[]>> kimEvents) {
        return kimEvents::accept;
    }

    private static void apply(MongoOperations mongo, ReadModels view, RegionDataset regions, KimPayload kim,
                              boolean registers) {
        Region village = regions.find(kim.villageCode()).orElseThrow(() -> new UnreadableEventException("KIM " + kim.kimId()
                + " names village " + kim.villageCode() + ", which the region dataset (" + RegionDataset.DECREE
                + ") does not know", null));
        if (village.level() != RegionLevel.VILLAGE) {
            throw new UnreadableEventException("KIM " + kim.kimId() + " names " + kim.villageCode() + " ("
                    + village.name() + "), a " + village.level() + ", where a village code belongs", null);
        }
        if (!registers && !mongo.exists(Query.query(Criteria.where("_id").is(kim.kimId())), COLLECTION)) {
            throw new UnknownAggregateException("training-service has not heard KIM " + kim.kimId() + " registered; "
                    + "a change of it cannot be applied before its kim.registered");
        }
        view.applyIfNewer(COLLECTION, kim.kimId(), kim.version(), document -> document
                .append("name", kim.name())
                .append("villageCode", kim.villageCode())
                .append("status", kim.status()));
    }
}
