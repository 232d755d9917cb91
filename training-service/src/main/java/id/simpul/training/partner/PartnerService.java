package id.simpul.training.partner;

import id.simpul.training.common.RegionPaths;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.access.Subject;
import id.simpul.platform.access.Access;
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

    private final Access access;

    PartnerService(AggregateStores stores, MongoOperations mongo, RegionDataset regions, TrainingClock trainingClock,
                   Access access) {
        this.access = access;
        this.partners = stores.create(COLLECTION, mapping);
        this.mongo = mongo;
        this.regions = regions;
        this.clock = trainingClock.clock();
        keyNamesStoredBefore();
        RegionPaths.fillStoredBefore(mongo, COLLECTION, "regionCode", PartnerMapping.REGION_PATH);
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on(PartnerMapping.REGION_PATH, org.springframework.data.domain.Sort.Direction.ASC));
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
        access.require(TrainingRights.PARTNERS_CREATE, Subject.in(regionCode));
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

    /** A partner as the caller may read it (contact people included): their own, inside their scope, or any. */
    public Partner read(PartnerId id) {
        access.require(TrainingRights.PARTNERS_READ);
        Partner partner = get(id);
        access.require(TrainingRights.PARTNERS_READ, subject(partner));
        return partner;
    }

    static Subject subject(Partner partner) {
        return Subject.in(partner.regionCode()).partner(partner.id().value());
    }

    /** Corrects the name and/or contact people of a partner read at {@code expectedVersion}. */
    public Partner correct(PartnerId id, long expectedVersion, String name, List<ContactPerson> contacts) {
        access.require(TrainingRights.PARTNERS_UPDATE, subject(get(id)));
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
        Access.Holding holding = access.visible(TrainingRights.PARTNERS_READ);
        List<Criteria> conditions = new ArrayList<>();
        if (!holding.everything()) {
            // Only the partners the caller may read: inside their region scope, or their own.
            List<Criteria> seen = new ArrayList<>();
            holding.scope().ifPresent(scope -> seen.add(RegionPaths.within(PartnerMapping.REGION_PATH, scope)));
            holding.ownPartner().ifPresent(own -> seen.add(Criteria.where("_id").is(own)));
            conditions.add(MongoPages.anyOf(seen));
        }
        if (type != null) {
            conditions.add(Criteria.where("type").is(type.name()));
        }
        if (region != null) {
            conditions.add(RegionPaths.within(PartnerMapping.REGION_PATH, new RegionCode(region)));
        }
        if (q != null && !PartnerMapping.nameKey(q).isEmpty()) {
            conditions.add(Criteria.where(PartnerMapping.NAME_KEY).regex(java.util.regex.Pattern.quote(PartnerMapping.nameKey(q))));
        }
        Query query = Query.query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions));
        return MongoPages.find(mongo, query, COLLECTION, order, page, mapping::fromDocument);
    }
}
