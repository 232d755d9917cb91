package id.simpul.training.kimview;

import id.simpul.contracts.EventTypes;
import id.simpul.eventing.ConsistencySource;
import id.simpul.eventing.DeadLetters;
import id.simpul.eventing.BatchedEvents;
import id.simpul.eventing.EventRoutes;
import id.simpul.eventing.IncomingEvent;
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
import org.bson.Document;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.Set;
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

    /** What a KIM event does to the view. */
    record Change(IncomingEvent event, KimPayload kim, boolean registers) {
    }

    @Bean
    KimChanges kimChanges(MongoOperations mongo, RegionDataset regions, MeterRegistry meters) {
        return new KimChanges(mongo, regions, EventRoutes.<Change>builder("training", EventJson.mapper(), meters)
                .on(EventTypes.KIM_REGISTERED, KimPayload.class, (event, kim) -> new Change(event, kim, true))
                .on(EventTypes.KIM_UPDATED, KimPayload.class, (event, kim) -> new Change(event, kim, false))
                .on(EventTypes.KIM_STATUS_CHANGED, KimPayload.class, (event, kim) -> new Change(event, kim, false))
                .build());
    }

    /** The live consumer: the records of a poll at once (see {@link BatchedEvents}). */
    @Bean
    Consumer<Message<List<byte[]>>> kimEvents(KimChanges changes) {
        return batch -> BatchedEvents.apply(IncomingEvent.batch(batch), changes.view, changes);
    }

    /** The view, id by id, for the consistency check. */
    @Bean
    ConsistencySource kimViewForConsistency(MongoOperations mongo) {
        return ConsistencySource.view("kims", mongo, () -> COLLECTION, null);
    }

    /** A dead letter is replayed as the live consumer applies a record. */
    @Bean
    DeadLetters.Replay kimDeadLetterReplay(KimChanges changes) {
        return message -> changes.applyAlone(IncomingEvent.from(message));
    }

    /** The view's writes: one document per KIM, changed only by a newer version of the KIM. */
    static final class KimChanges implements BatchedEvents.Steps<Change, Change> {

        private final MongoOperations mongo;
        private final ReadModels view;
        private final RegionDataset regions;
        private final EventRoutes<Change> routes;

        KimChanges(MongoOperations mongo, RegionDataset regions, EventRoutes<Change> routes) {
            this.mongo = mongo;
            this.view = new ReadModels(mongo);
            this.regions = regions;
            this.routes = routes;
        }

        /** One event, alone: read, change, compare-and-set. */
        void applyAlone(IncomingEvent event) {
            Change change = read(event);
            if (change != null) {
                applyAlone(change);
                routes.handled(event);
            }
        }

        @Override
        public Change read(IncomingEvent event) {
            Change change = routes.route(event);
            if (change != null) {
                requireVillage(change.kim());
            }
            return change;
        }

        @Override
        public IncomingEvent event(Change change) {
            return change.event();
        }

        @Override
        public void want(Change change, ReadModels.Batch<Change> batch) {
            batch.want(COLLECTION, change.kim().kimId());
        }

        @Override
        public boolean apply(Change change, ReadModels.Batch<Change> batch) {
            if (!change.registers() && !batch.document(COLLECTION, change.kim().kimId()).containsKey(ReadModels.VERSION)) {
                throw unknown(change.kim());
            }
            return batch.change(COLLECTION, change.kim().kimId(), ReadModels.ifNewer(change.kim().version(), fields(change.kim())), change);
        }

        @Override
        public boolean touches(Change change, Set<ReadModels.Key> documents) {
            return documents.contains(new ReadModels.Key(COLLECTION, change.kim().kimId()));
        }

        @Override
        public void applyAlone(Change change) {
            KimPayload kim = change.kim();
            if (!change.registers() && !mongo.exists(Query.query(Criteria.where("_id").is(kim.kimId())), COLLECTION)) {
                throw unknown(kim);
            }
            view.applyIfNewer(COLLECTION, kim.kimId(), kim.version(), fields(kim));
        }

        @Override
        public void handled(Change change, boolean changed) {
            routes.handled(change.event());
        }

        @Override
        public void told(Change label, Document document) {
            // Nothing listens to the view's writes.
        }

        private static java.util.function.Consumer<Document> fields(KimPayload kim) {
            return document -> document
                    .append("name", kim.name())
                    .append("villageCode", kim.villageCode())
                    .append("status", kim.status());
        }

        private void requireVillage(KimPayload kim) {
            Region village = regions.find(kim.villageCode()).orElseThrow(() -> new UnreadableEventException("KIM "
                    + kim.kimId() + " names village " + kim.villageCode() + ", which the region dataset ("
                    + RegionDataset.DECREE + ") does not know", null));
            if (village.level() != RegionLevel.VILLAGE) {
                throw new UnreadableEventException("KIM " + kim.kimId() + " names " + kim.villageCode() + " ("
                        + village.name() + "), a " + village.level() + ", where a village code belongs", null);
            }
        }

        private static UnknownAggregateException unknown(KimPayload kim) {
            return new UnknownAggregateException("training-service has not heard KIM " + kim.kimId() + " registered; "
                    + "a change of it cannot be applied before its kim.registered");
        }
    }
}
