package id.simpul.eventing;

import id.simpul.platform.StoreUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * What every Simpul consumer does with a record it cannot apply, with Spring Kafka's {@link DefaultErrorHandler}
 * in place of the binder's own retries:
 * <ul>
 *     <li>unreadable or against the contract ({@link UnreadableEventException}): dead-lettered at once;</li>
 *     <li>the store cannot be reached: retried with back-off (1 s up to 10 s) for as long as that lasts, never
 *     dead-lettered, so an outage of MongoDB costs no events;</li>
 *     <li>anything else (a failing handler, an {@link UnknownAggregateException}): retried with the binding's
 *     back-off ({@code max-attempts}, {@code back-off-*}), then dead-lettered.</li>
 * </ul>
 * A dead letter keeps the record's key, value and headers and adds Spring Kafka's {@code kafka_dlt-*} headers
 * (original topic, partition, offset, timestamp, exception) and {@value #REASON} with the reason in one line.
 */
final class ConsumerFailures implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFailures.class);

    /** The reason a record was dead-lettered, in one line. */
    static final String REASON = "x-dead-letter-reason";

    private final KafkaOperations<byte[], byte[]> deadLetters;

    ConsumerFailures(KafkaOperations<byte[], byte[]> deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        ConsumerRecordRecoverer recoverer;
        if (dlqDestinationResolver == null) {
            recoverer = (record, e) -> log.error("{} gives up on {}-{}@{} (no dead-letter topic for group {}): {}",
                    destinationName, record.topic(), record.partition(), record.offset(), group, reason(e));
        } else {
            DeadLetterPublishingRecoverer publishing = new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver);
            publishing.addHeadersFunction((record, e) -> {
                RecordHeaders headers = new RecordHeaders();
                headers.add(REASON, reason(e).getBytes(StandardCharsets.UTF_8));
                return headers;
            });
            recoverer = (record, e) -> {
                log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
                        record.key() instanceof byte[] key ? new String(key, StandardCharsets.UTF_8) : record.key(), reason(e));
                publishing.accept(record, e);
            };
        }
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setBackOffFunction((record, e) -> StoreUnavailable.causes(e) ? storeAway() : null);
        container.setCommonErrorHandler(handler);
    }

    /** While the store is away: retried until it is back. */
    private static BackOff storeAway() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

    /** The message of the exception the handler threw, without the listener's and binder's wrappers. */
    static String reason(Throwable e) {
        Throwable reason = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableEventException || cause instanceof UnknownAggregateException) {
                reason = cause;
                break;
            }
            reason = cause;
            if (cause.getCause() == cause) {
                break;
            }
        }
        String message = reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
