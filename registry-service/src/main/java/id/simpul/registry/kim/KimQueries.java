package id.simpul.registry.kim;

import id.simpul.platform.PageQuery;
import id.simpul.platform.PageResponse;
import id.simpul.platform.Sorting;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Reads of the {@code kims} collection beyond one id: lists and the duplicate check, with their indexes. */
@Component
class KimQueries {

    private final MongoOperations mongo;
    private final KimListIndex lists;
    private final KimMapping mapping = new KimMapping();

    KimQueries(MongoOperations mongo, KimListIndex lists) {
        this.mongo = mongo;
        this.lists = lists;
        var indexes = mongo.indexOps(KimEvents.COLLECTION);
        // The duplicate rules, enforced by the database too, so that two simultaneous registrations cannot both win.
        indexes.createIndex(new Index(KimMapping.NAME_KEY, Sort.Direction.ASC).unique().named("unique_name_in_village"));
        indexes.createIndex(new Index(KimMapping.KIM_ID_KEY, Sort.Direction.ASC).unique().named("unique_kim_id_number"));
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

    /**
     * One page of a list: found in the {@link KimListIndex}, then read by id (an {@code $in} on {@code _id}, which
     * every MongoDB-wire server answers from its id index), so a page reads about a page of documents.
     */
    PageResponse<Kim> search(KimFilter filter, PageQuery page, Sorting sort, KimCursor after) {
        KimListIndex.Slice slice = lists.page(filter, sort, page, after == null ? null : after.last());
        java.util.Map<String, Kim> read = new java.util.HashMap<>();
        List<Document> documents = slice.ids().isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(slice.ids())), Document.class, KimEvents.COLLECTION);
        for (Document d : documents) {
            KimListIndex.Entry stored = KimListIndex.Entry.of(d);
            // Brings in what another instance changed since the index last read the collection; a KIM it moved out
            // of the list is left out of the page.
            lists.apply(stored);
            if (KimListIndex.matches(filter, stored)) {
                read.put(stored.id(), mapping.fromDocument(d));
            }
        }
        List<Kim> items = slice.ids().stream().map(read::get).filter(java.util.Objects::nonNull).toList();
        String next = slice.more() ? KimCursor.after(sort, slice.items().getLast()) : null;
        return PageResponse.at(items, slice.offset(), page.size(), slice.total(), next);
    }
}
