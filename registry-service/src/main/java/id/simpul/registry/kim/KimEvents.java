package id.simpul.registry.kim;

import id.simpul.contracts.EventTypes;
import id.simpul.contracts.Topics;
import id.simpul.eventing.AggregateStore;
import id.simpul.eventing.AggregateStores;
import id.simpul.eventing.EventCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How KIMs are stored and what their events are called on the wire. */
@Configuration
@EnableConfigurationProperties(RegionalRules.Settings.class)
class KimEvents {

    static final String COLLECTION = "kims";

    @Bean
    EventCatalog eventCatalog() {
        return EventCatalog.builder()
                .event(KimRegistered.class, EventTypes.KIM_REGISTERED, Topics.KIMS, e -> e.kimId().value())
                .event(KimUpdated.class, EventTypes.KIM_UPDATED, Topics.KIMS, e -> e.kimId().value())
                .event(KimStatusChanged.class, EventTypes.KIM_STATUS_CHANGED, Topics.KIMS, e -> e.kimId().value())
                .build();
    }

    @Bean
    AggregateStore<Kim> kimStore(AggregateStores stores) {
        return stores.create(COLLECTION, new KimMapping());
    }
}
