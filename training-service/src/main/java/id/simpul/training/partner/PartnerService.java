package id.simpul.training.partner;

import id.simpul.training.common.TrainingClock;
import id.simpul.eventing.AggregateStore;
import id.simpul.eventing.AggregateStores;
import id.simpul.platform.PageQuery;
import id.simpul.platform.MongoPages;
import id.simpul.platform.PageResponse;
import id.simpul.platform.Sorting;
import id.simpul.training.common.Corrections;
import id.simpul.regions.RegionCode;
import id.simpul.regions.RegionDataset;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.common.RuleException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registers and reads partners; every change is stored with its event. */
@Service
public class PartnerService {

    static final String COLLECTION = "partners";

    private final AggregateStore<Partner> partners;
    private final MongoOperations mongo;
    private final RegionDataset regions;
    private final Clock clock;
    private final PartnerMapping mapping = new PartnerMapping();

    PartnerService(AggregateStores stores, MongoOperations mongo, RegionDataset regions, TrainingClock trainingClock) {
        this.partners = stores.create(COLLECTION, mapping);
        this.mongo = mongo;
        this.regions = regions;
        this.clock = trainingClock.clock();
        keyNamesStoredBefore();
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on(PartnerMapping.NAME_KEY, org.springframework.data.domain.Sort.Direction.ASC));
    }

    /** Partners stored before names were kept in comparable form get it, so that search and order find them. */
    private void keyNamesStoredBefore() {
        Query missing = Query.query(Criteria.where(PartnerMapping.NAME_KEY).exists(false));
        missing.fields().include("name");
        for (org.bson.Document d : mongo.find(missing, org.bson.Document.class, COLLECTION)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(d.get("_id"))),
                    new org.springframework.data.mongodb.core.query.Update().set(PartnerMapping.NAME_KEY,
                            PartnerMapping.nameKey(d.getString("name"))), COLLECTION);
        }
    }

    public Partner register(String name, PartnerType type, String regionCode, List<ContactPerson> contacts) {
        return register(PartnerId.newId(), name, type, regionCode, contacts);
    }

    /** Registers under a given id; seeds use fixed ids so that loading them again adds nothing. */
    public Partner register(PartnerId id, String name, PartnerType type, String regionCode, List<ContactPerson> contacts) {
        if (regions.find(regionCode).isEmpty()) {
            throw new RuleException("regionCode", regionCode + " is not a Kemendagri region code");
        }
        Partner.Registration registration = Partner.register(id, name, type, regionCode, contacts,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        partners.insert(registration.partner(), List.of(registration.event()));
        return registration.partner();
    }

    public Partner get(PartnerId id) {
        return find(id).orElseThrow(() -> new NotFoundException("partner", id.value()));
    }

    public Optional<Partner> find(PartnerId id) {
        return partners.findById(id.value());
    }

    /** Corrects the name and/or contact people of a partner read at {@code expectedVersion}. */
    public Partner correct(PartnerId id, long expectedVersion, String name, List<ContactPerson> contacts) {
        return Corrections.apply(partners, id.value(), "partner", expectedVersion, Partner::version,
                current -> current.correct(name, contacts, clock.instant().truncatedTo(ChronoUnit.MILLIS))
                        .map(c -> new Corrections.Corrected<>(c.partner(), c.event())));
    }

    /** The sort fields of the partner list; by name by default. */
    public static final Sorting.Fields SORT = Sorting.Fields.of(true, "name", PartnerMapping.NAME_KEY,
            "registeredAt", "registeredAt", "type", "type", "regionCode", "regionCode");

    /**
     * Partners of a type, within a region (its code or any code below it), whose name holds {@code q} (compared as
     * people read it: case and spacing aside).
     */
    public PageResponse<Partner> list(PartnerType type, String region, String q, Sorting order, PageQuery page) {
        List<Criteria> conditions = new ArrayList<>();
        if (type != null) {
            conditions.add(Criteria.where("type").is(type.name()));
        }
        if (region != null) {
            conditions.add(new Criteria().orOperator(Criteria.where("regionCode").is(region),
                    Criteria.where("regionCode").regex(new RegionCode(region).belowRegex())));
        }
        if (q != null && !PartnerMapping.nameKey(q).isEmpty()) {
            conditions.add(Criteria.where(PartnerMapping.NAME_KEY).regex(java.util.regex.Pattern.quote(PartnerMapping.nameKey(q))));
        }
        Query query = Query.query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions));
        return MongoPages.find(mongo, query, COLLECTION, order, page, mapping::fromDocument);
    }
}
