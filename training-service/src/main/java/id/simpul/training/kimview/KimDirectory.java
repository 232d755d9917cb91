package id.simpul.training.kimview;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What training-service knows of a KIM, from registry events only (see {@link KimView}). */
@Component
public class KimDirectory {

    /** A KIM as last reported by registry-service. */
    public record KnownKim(String kimId, String name, String villageCode, String status) {

        /** Only KIMs that registry-service verified, or that are active, may enrol. */
        public boolean mayEnrol() {
            return "VERIFIED".equals(status) || "ACTIVE".equals(status);
        }
    }

    private final MongoOperations mongo;

    KimDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownKim> find(String kimId) {
        Document d = mongo.findById(kimId, Document.class, KimView.COLLECTION);
        return Optional.ofNullable(d).map(k -> new KnownKim(kimId, k.getString("name"), k.getString("villageCode"),
                k.getString("status")));
    }
}
