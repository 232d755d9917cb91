package id.simpul.registry.kim;

import id.simpul.platform.PageQuery;
import id.simpul.platform.MongoPages;
import id.simpul.platform.PageResponse;
import id.simpul.platform.Sorting;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads of the {@code kims} collection beyond one id: lists and the duplicate check, with their indexes. */
@Component
class KimQueries {

    private final MongoOperations mongo;
    private final KimMapping mapping = new KimMapping();

    KimQueries(MongoOperations mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(KimEvents.COLLECTION);
        // The duplicate rules, enforced by the database too, so that two simultaneous registrations cannot both win.
        indexes.createIndex(new Index(KimMapping.NAME_KEY, Sort.Direction.ASC).unique().named("unique_name_in_village"));
        indexes.createIndex(new Index(KimMapping.KIM_ID_KEY, Sort.Direction.ASC).unique().named("unique_kim_id_number"));
        for (String field : List.of("provinceCode", "regencyCode", "districtCode", KimMapping.STATUS)) {
            indexes.createIndex(new Index(field, Sort.Direction.ASC));
        }
    }

    /** Another KIM with the same name in the same village, or the same kim.id number, with the field it shares. */
    Optional<KimExceptions.Duplicate> duplicateOf(Kim kim) {
        Document stored = mapping.toDocument(kim);
        for (String[] rule : new String[][] {{KimMapping.KIM_ID_KEY, "kimIdNumber"}, {KimMapping.NAME_KEY, "name"}}) {
            // By the unique key alone, which its index answers; the KIM itself is told apart here.
            Document other = mongo.findOne(Query.query(Criteria.where(rule[0]).is(stored.get(rule[0]))), Document.class,
                    KimEvents.COLLECTION);
            if (other != null && !kim.id().value().equals(other.getString("_id"))) {
                return Optional.of(new KimExceptions.Duplicate(rule[1], mapping.fromDocument(other)));
            }
        }
        return Optional.empty();
    }

    /**
     * The stored KIMs holding any of these name keys or kim.id keys (as {@link KimMapping} writes them), by key:
     * the duplicate check of a whole import batch in two reads that the unique indexes answer.
     */
    java.util.Map<String, Kim> byKeys(java.util.Collection<String> nameKeys, java.util.Collection<String> kimIdKeys) {
        java.util.Map<String, Kim> found = new java.util.HashMap<>();
        for (String[] rule : new String[][] {{KimMapping.NAME_KEY}, {KimMapping.KIM_ID_KEY}}) {
            java.util.Collection<String> keys = rule[0].equals(KimMapping.NAME_KEY) ? nameKeys : kimIdKeys;
            if (keys.isEmpty()) {
                continue;
            }
            for (Document d : mongo.find(Query.query(Criteria.where(rule[0]).in(keys)), Document.class, KimEvents.COLLECTION)) {
                found.put(d.getString(rule[0]), mapping.fromDocument(d));
            }
        }
        return found;
    }

    PageResponse<Kim> search(KimFilter filter, PageQuery page, Sorting sort) {
        return MongoPages.find(mongo, Query.query(criteria(filter)), KimEvents.COLLECTION, sort, page, mapping::fromDocument);
    }

    private static Criteria criteria(KimFilter filter) {
        List<Criteria> conditions = new ArrayList<>();
        if (filter.visible() != null) {
            List<Criteria> seen = new ArrayList<>();
            if (filter.visible().scope() != null) {
                seen.add(Criteria.where(KimMapping.regionField(filter.visible().scope().level())).is(filter.visible().scope().value()));
            }
            if (filter.visible().kimId() != null) {
                seen.add(Criteria.where("_id").is(filter.visible().kimId()));
            }
            conditions.add(MongoPages.anyOf(seen));
        }
        if (filter.region() != null) {
            conditions.add(Criteria.where(KimMapping.regionField(filter.region().level())).is(filter.region().value()));
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            conditions.add(Criteria.where(KimMapping.STATUS).in(filter.statuses().stream().map(Enum::name).toList()));
        }
        if (filter.focusArea() != null) {
            conditions.add(Criteria.where(KimMapping.FOCUS_AREAS).is(filter.focusArea().name()));
        }
        if (filter.hasMedia() != null) {
            conditions.add(Criteria.where(KimMapping.MEDIA + ".0").exists(filter.hasMedia()));
        }
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            conditions.add(Criteria.where(KimMapping.NAME).regex(Pattern.quote(filter.nameContains().strip()), "i"));
        }
        return conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
    }
}
