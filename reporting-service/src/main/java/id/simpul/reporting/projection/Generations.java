package id.simpul.reporting.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Which generation of the read models is served ({@code current}) and which one a rebuild is filling
 * ({@code building}), kept in {@code projection_meta} so that every reporting instance agrees. Each generation has
 * its own collections ({@code kims_g1}, {@code trainings_g1}, …). Instances read the state again every second.
 */
@Component
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    static final String META = "projection_meta";
    private static final String ID = "generations";
    static final String CURRENT = "current";
    static final String BUILDING = "building";

    /** The read-model collections, one set per generation. */
    public static final List<String> COLLECTIONS = List.of(ReadModelStore.KIMS, ReadModelStore.PROGRAMMES, ReadModelStore.PARTNERS,
            ReadModelStore.TRAININGS, ReadModelStore.OUTPUTS);

    public record State(int current, Integer building) {

        /** The generations every applied event goes to: the current one and, during a rebuild, the new one. */
        public List<Integer> writing() {
            return building == null ? List.of(current) : List.of(current, building);
        }
    }

    private final MongoOperations mongo;
    private final java.util.concurrent.atomic.AtomicBoolean created = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile State state;

    Generations(MongoOperations mongo) {
        this.mongo = mongo;
        this.state = read();
    }

    public static String collection(String base, int generation) {
        return base + "_g" + generation;
    }

    public State state() {
        return state;
    }

    /** Whether this instance found no read models and started them afresh since it was last asked. */
    boolean takeCreated() {
        return created.getAndSet(false);
    }

    public String current(String base) {
        return collection(base, state.current());
    }

    @Scheduled(fixedDelayString = "${simpul.reporting.generations-refresh:1000}")
    void refresh() {
        State read = read();
        if (!read.equals(state)) {
            log.info("Read-model generations now {} (were {})", read, state);
            state = read;
        }
    }

    /** Marks {@code generation} as being built, if no other rebuild is; the live consumer starts writing to it. */
    boolean startBuilding(int generation) {
        Document updated = meta().findOneAndUpdate(Filters.and(Filters.eq("_id", ID), Filters.eq(BUILDING, null)),
                Updates.set(BUILDING, generation), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            return false;
        }
        state = stateOf(updated);
        return true;
    }

    /** Serves {@code generation} from now on. */
    void switchTo(int generation) {
        Document updated = meta().findOneAndUpdate(Filters.eq("_id", ID),
                Updates.combine(Updates.set(CURRENT, generation), Updates.set(BUILDING, null)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        state = stateOf(updated);
    }

    /** Gives up building {@code generation}. */
    void abandon(int generation) {
        Document updated = meta().findOneAndUpdate(Filters.and(Filters.eq("_id", ID), Filters.eq(BUILDING, generation)),
                Updates.set(BUILDING, null), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated != null) {
            state = stateOf(updated);
        }
    }

    void drop(int generation) {
        for (String base : COLLECTIONS) {
            String name = collection(base, generation);
            if (mongo.collectionExists(name)) {
                mongo.dropCollection(name);
            }
        }
    }

    private State read() {
        MongoCollection<Document> meta = meta();
        Document document = meta.find(Filters.eq("_id", ID)).first();
        if (document == null) {
            try {
                meta.insertOne(new Document("_id", ID).append(CURRENT, 1).append(BUILDING, null));
                created.set(true);
            } catch (com.mongodb.MongoWriteException createdMeanwhile) {
                log.debug("Generations created by another instance", createdMeanwhile);
            }
            document = meta.find(Filters.eq("_id", ID)).first();
        }
        return stateOf(document);
    }

    private MongoCollection<Document> meta() {
        return mongo.getCollection(META);
    }

    private static State stateOf(Document document) {
        Number building = (Number) document.get(BUILDING);
        return new State(((Number) document.get(CURRENT)).intValue(), building == null ? null : building.intValue());
    }
}
