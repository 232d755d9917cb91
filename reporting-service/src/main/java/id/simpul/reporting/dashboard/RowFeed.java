package id.simpul.reporting.dashboard;

import com.mongodb.client.model.Filters;
import id.simpul.eventing.InstanceFeed;
import id.simpul.reporting.projection.Generations;
import id.simpul.reporting.projection.Projector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.apache.kafka.clients.admin.NewTopic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Tells the other reporting instances which read-model documents this one wrote, so that each serves the figures of
 * every instance's writes within a moment instead of at its next full read. The instances share the event topics'
 * partitions through their consumer group, so each writes only part of the read models; after each write this
 * instance sends the document's collection, generation and id (not the document) to {@value #TOPIC}, which every
 * instance reads in a group of its own from the latest offset, reading the announced documents by id. A lost
 * announcement costs only time: the periodic full read ({@code simpul.reporting.figures-refresh}) brings every row.
 * This works the same on MongoDB without change streams, which the embedded store does not have.
 */
@Configuration(proxyBeanMethods = false)
class RowFeed {

    static final String TOPIC = "simpul.reporting.rows";
    private static final Logger log = LoggerFactory.getLogger(RowFeed.class);
    private static final String ORIGIN = UUID.randomUUID().toString();

    @Bean
    NewTopic rowFeedTopic() {
        // Announcements are only useful for a moment; one partition keeps them in the order they were written.
        return TopicBuilder.name(TOPIC).partitions(1).config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()))
                .build();
    }

    /** Announces every document the projector wrote (a lost announcement is read at the next full read). */
    @Bean
    Announcer rowFeedAnnouncer(KafkaProperties kafka, Projector projector) {
        return new Announcer(kafka, projector);
    }

    static final class Announcer implements DisposableBean {

        private final InstanceFeed.Announcements announcements;

        Announcer(KafkaProperties kafka, Projector projector) {
            announcements = new InstanceFeed.Announcements(kafka);
            projector.onWrite((collection, generation, document) -> {
                String id = document.getString("_id");
                announcements.send(TOPIC, collection + "/" + id, String.join(" ", ORIGIN, collection, String.valueOf(generation), id));
            });
        }

        @Override
        public void destroy() {
            announcements.destroy();
        }
    }

    /** Reads what the other instances announce, in a consumer group of this instance's own, from the latest offset. */
    @Bean
    ConcurrentMessageListenerContainer<String, String> rowFeedListener(KafkaProperties kafka, MongoOperations mongo,
                                                                        FiguresService figures,
                                                                        @Value("${spring.application.name}") String name) {
        // The figures are read in full at start and every figures-refresh, so nothing waits for the position.
        return InstanceFeed.container(kafka, name, "rows", TOPIC, new StringDeserializer(),
                records -> heard(records, mongo, figures), () -> { });
    }

    /** Reads the documents the other instances announced, by id, one read per read model and generation. */
    static void heard(List<ConsumerRecord<String, String>> records, MongoOperations mongo, FiguresService figures) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String[] parts = record.value() == null ? new String[0] : record.value().split(" ");
            if (parts.length != 4 || parts[0].equals(ORIGIN)) {
                continue;
            }
            ids.computeIfAbsent(parts[1] + " " + parts[2], k -> new LinkedHashSet<>()).add(parts[3]);
        }
        for (Map.Entry<String, Set<String>> entry : ids.entrySet()) {
            String[] key = entry.getKey().split(" ");
            int generation;
            try {
                generation = Integer.parseInt(key[1]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (!figures.hears(generation)) {
                continue; // a rebuild's writes: the generation is read in full when it is served
            }
            List<Document> documents = new ArrayList<>();
            try {
                mongo.getCollection(Generations.collection(key[0], generation))
                        .find(Filters.in("_id", entry.getValue())).into(documents);
            } catch (RuntimeException e) {
                log.debug("Reading the documents another instance wrote failed; the next full read brings them", e);
                continue;
            }
            documents.forEach(document -> figures.heard(key[0], generation, document));
        }
    }
}
