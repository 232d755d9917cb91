package id.simpul.reporting.projection;

import id.simpul.eventing.ReadModels;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * One document per KIM in reporting's {@code kims} collection, with the region codes above its village so that
 * figures can be grouped at every level. Every KIM event carries what the document needs, so applying the newest
 * version is enough: a redelivered or late older event changes nothing.
 */
@Component
public class KimProjection {

    public static final String COLLECTION = "kims";

    private final MongoOperations mongo;

    KimProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void registered(KimPayloads.Snapshot kim) {
        apply(kim.kimId(), kim.version(), snapshot(kim).set("registeredAt", date(kim.registeredAt())));
    }

    void updated(KimPayloads.Snapshot kim) {
        apply(kim.kimId(), kim.version(), snapshot(kim));
    }

    void statusChanged(KimPayloads.StatusChanged change) {
        apply(change.kimId(), change.version(), place(new Update(), change.villageCode())
                .set("name", change.name())
                .set("status", change.status())
                .set("statusChangedAt", date(change.changedAt())));
    }

    private void apply(String kimId, long version, Update update) {
        ReadModels.applyIfNewer(mongo, COLLECTION, kimId, version, update);
    }

    private static Update snapshot(KimPayloads.Snapshot kim) {
        return place(new Update(), kim.villageCode())
                .set("name", kim.name())
                .set("status", kim.status())
                .set("focusAreas", kim.focusAreas())
                .set("mediaTypes", kim.mediaChannels().stream().map(KimPayloads.Media::type).distinct().toList())
                .set("hasMedia", !kim.mediaChannels().isEmpty())
                .set("memberCount", kim.memberCount());
    }

    private static Update place(Update update, String village) {
        return update.set("villageCode", village)
                .set("districtCode", village.substring(0, 8))
                .set("regencyCode", village.substring(0, 5))
                .set("provinceCode", village.substring(0, 2));
    }

    private static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
