package id.simpul.training.partner;

import id.simpul.eventing.AggregateStore;
import id.simpul.eventing.AggregateStores;
import id.simpul.platform.PageQuery;
import id.simpul.platform.MongoPages;
import id.simpul.platform.PageResponse;
import id.simpul.regions.RegionDataset;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.common.RuleException;
import org.springframework.data.domain.Sort;
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

    PartnerService(AggregateStores stores, MongoOperations mongo, RegionDataset regions, Clock clock) {
        this.partners = stores.create(COLLECTION, mapping);
        this.mongo = mongo;
        this.regions = regions;
        this.clock = clock;
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

    /** Partners of a type and/or within a region (its code or any code below it). */
    public PageResponse<Partner> list(PartnerType type, String region, PageQuery page) {
        List<Criteria> conditions = new ArrayList<>();
        if (type != null) {
            conditions.add(Criteria.where("type").is(type.name()));
        }
        if (region != null) {
            conditions.add(new Criteria().orOperator(Criteria.where("regionCode").is(region),
                    Criteria.where("regionCode").regex("^" + java.util.regex.Pattern.quote(region + "."))));
        }
        Query query = Query.query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions));
        return MongoPages.find(mongo, query, COLLECTION, Sort.by("name"), page, mapping::fromDocument);
    }
}
