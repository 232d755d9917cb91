package id.simpul.reporting.projection;

import id.simpul.eventing.ReadModels;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * One document per KIM in reporting's {@code kims} collection, with the region codes above its village so that
 * figures can be grouped at every level. Applying an event twice, or an older one late, changes nothing.
 */
@Component
public class KimProjection {

    public static final String COLLECTION = "kims";

    private final MongoOperations mongo;

    KimProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void registered(KimRegisteredPayload event) {
        String village = event.villageCode();
        ReadModels.applyIfNewer(mongo, COLLECTION, event.kimId(), event.version(), new Update()
                .set("name", event.name())
                .set("status", event.status())
                .set("villageCode", village)
                .set("districtCode", village.substring(0, 8))
                .set("regencyCode", village.substring(0, 5))
                .set("provinceCode", village.substring(0, 2))
                .set("registeredAt", Date.from(event.registeredAt())));
    }
}
