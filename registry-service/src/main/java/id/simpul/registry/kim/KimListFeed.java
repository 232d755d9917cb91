package id.simpul.registry.kim;

import id.simpul.contracts.Topics;
import id.simpul.eventing.EventJson;
import id.simpul.eventing.InstanceFeed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Brings what other registry instances store into this instance's {@link KimListIndex} within a moment: every
 * instance reads the KIM topic ({@value Topics#KIMS}) in full, in a group of its own, and reads by id each KIM whose
 * event names a version newer than the one it lists. Its own writes are listed as they are stored, so their events
 * cost no read. The index is read in full once the feed has its position, so no change falls between the two.
 */
@Configuration(proxyBeanMethods = false)
class KimListFeed {

    private static final Logger log = LoggerFactory.getLogger(KimListFeed.class);

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> kimListListener(KafkaProperties kafka, KimListIndex lists,
                                                                  @Value("${spring.application.name}") String name) {
        lists.expectFeed();
        return InstanceFeed.container(kafka, name, "kim-list", Topics.KIMS, new ByteArrayDeserializer(),
                records -> heard(records, lists), lists::positioned);
    }

    /** Reads, in one query, the KIMs of these events that the index holds in an older version or not at all. */
    static void heard(List<ConsumerRecord<String, byte[]>> records, KimListIndex lists) {
        Set<String> ids = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && !lists.holds(record.key(), version(record.value()))) {
                ids.add(record.key());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            lists.read(ids);
        } catch (RuntimeException e) {
            log.debug("Reading KIMs another instance changed failed; a page or the next full read brings them", e);
        }
    }

    /** The {@code version} of an event's payload (every KIM event names the version it made); -1 when unreadable. */
    static long version(byte[] payload) {
        if (payload == null) {
            return -1;
        }
        try (JsonParser parser = EventJson.mapper().createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("version".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    return parser.getLongValue();
                }
                parser.skipChildren();
            }
        } catch (RuntimeException e) {
            log.debug("An unreadable KIM event; its KIM is read from the store", e);
        }
        return -1;
    }
}
