package id.simpul.reporting.projection;

import id.simpul.eventing.ConsistencySource;
import id.simpul.eventing.DeadLetters;
import id.simpul.eventing.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
        return batch -> projector.applyLive(records(batch), generations.state());
    }

    /**
     * The records of a batch (the binding's {@code batch-mode}), each read as a CloudEvent when the projector comes to
     * it: the binder hands the payloads as a list and each header as a list in the same order.
     */
    @SuppressWarnings("unchecked")
    static List<Supplier<IncomingEvent>> records(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<Object> keys = batch.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<Supplier<IncomingEvent>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            int at = i;
            records.add(() -> {
                MessageBuilder<byte[]> message = MessageBuilder.withPayload(payloads.get(at) == null ? new byte[0] : payloads.get(at));
                if (headers != null && headers.get(at) != null) {
                    message.copyHeaders(headers.get(at));
                }
                if (keys != null && keys.get(at) != null) {
                    message.setHeader(KafkaHeaders.RECEIVED_KEY, keys.get(at));
                }
                return IncomingEvent.from(message.build());
            });
        }
        return records;
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
