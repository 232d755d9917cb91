package id.simpul.reporting.projection;

import id.simpul.eventing.ConsistencySource;
import id.simpul.eventing.DeadLetters;
import id.simpul.eventing.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;

/**
 * The live consumer (binding {@code events-in-0} in application.yml, reading every Simpul topic, a poll's records at
 * a time): each event goes to the read models of every generation being written (see {@link Projector#applyLive}). A
 * failing event is retried, then dead-lettered; one that breaks the contract is dead-lettered at once; the events
 * before it in the batch are kept.
 */
@Configuration
class EventBindings {

    @Bean
    Consumer<Message<List<byte[]>>> events(Projector projector, Generations generations) {
        return batch -> projector.applyLive(IncomingEvent.batch(batch), generations.state());
    }

    /**
     * The served read models, id by id, for the consistency check; documents known only from an aggregate's later
     * events (see {@link Projector}) do not count.
     */
    @Bean
    ConsistencySource.Several readModelsForConsistency(MongoOperations mongo, Generations generations) {
        return () -> Generations.COLLECTIONS.stream().map(collection -> ConsistencySource.view(collection, mongo,
                () -> generations.current(collection), Criteria.where(Projector.CREATED_BY.get(collection)).exists(true)))
                .toList();
    }

    /** A dead letter is replayed as the live consumer applies a record. */
    @Bean
    DeadLetters.Replay deadLetterReplay(Projector projector, Generations generations) {
        return message -> projector.applyLive(IncomingEvent.from(message), generations.state());
    }
}
