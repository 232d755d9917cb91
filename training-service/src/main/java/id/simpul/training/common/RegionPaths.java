package id.simpul.training.common;

import id.simpul.regions.RegionCode;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

/**
 * A stored region code's path: the code and those of the regions above it, province first, kept beside the code in
 * every document that sits in a region (as KIMs keep their district, regency and province codes). "In region R, or
 * inside it" is then one equality on the path, which an index answers on MongoDB, instead of a pattern on the code.
 */
public final class RegionPaths {

    /** The path of {@code code} ({@code 63.03.05} → {@code 63, 63.03, 63.03.05}); empty for none. */
    public static List<String> of(String code) {
        return code == null ? List.of() : new RegionCode(code).selfAndAncestors().reversed().stream().map(RegionCode::value).toList();
    }

    /** Documents whose path (field {@code pathField}) holds {@code region}: in it, or in a region inside it. */
    public static Criteria within(String pathField, RegionCode region) {
        return Criteria.where(pathField).is(region.value());
    }

    /** Gives the documents stored before their path was kept ({@code pathField} absent) the path of {@code codeField}. */
    public static void fillStoredBefore(MongoOperations mongo, String collection, String codeField, String pathField) {
        Query missing = Query.query(Criteria.where(pathField).exists(false).and(codeField).exists(true));
        missing.fields().include(codeField);
        for (Document document : mongo.find(missing, Document.class, collection)) {
            Object code = document.getEmbedded(List.of(codeField.split("\\.")), Object.class);
            if (code instanceof String value && RegionCode.isCode(value)) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                        new Update().set(pathField, of(value)), collection);
            }
        }
    }

    private RegionPaths() {
    }
}
