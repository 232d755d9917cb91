package id.simpul.training.programme;

import id.simpul.eventing.AggregateStore;
import id.simpul.eventing.AggregateStores;
import id.simpul.platform.PageQuery;
import id.simpul.platform.MongoPages;
import id.simpul.platform.PageResponse;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.common.RuleException;
import id.simpul.training.common.Violation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Creates and reads programmes; every change goes through here and is stored with its event. */
@Service
public class ProgrammeService {

    static final String COLLECTION = "programmes";

    private final AggregateStore<Programme> programmes;
    private final MongoOperations mongo;
    private final RegionDataset regions;
    private final Clock clock;
    private final ProgrammeMapping mapping = new ProgrammeMapping();

    ProgrammeService(AggregateStores stores, MongoOperations mongo, RegionDataset regions, Clock clock) {
        this.programmes = stores.create(COLLECTION, mapping);
        this.mongo = mongo;
        this.regions = regions;
        this.clock = clock;
    }

    public Programme create(String title, String theme, Organiser organiser, LocalDate start, LocalDate end,
                            List<String> targetRegions, Targets targets) {
        return create(ProgrammeId.newId(), title, theme, organiser, start, end, targetRegions, targets);
    }

    /** Creates under a given id; seeds use fixed ids so that loading them again adds nothing. */
    public Programme create(ProgrammeId id, String title, String theme, Organiser organiser, LocalDate start, LocalDate end,
                            List<String> targetRegions, Targets targets) {
        List<Violation> violations = new ArrayList<>();
        if (organiser.regionCode() != null && regions.find(organiser.regionCode())
                .filter(r -> r.level() == RegionLevel.PROVINCE || r.level() == RegionLevel.REGENCY).isEmpty()) {
            violations.add(new Violation("organiser.regionCode", organiser.regionCode() + " is not a province or regency/city"));
        }
        List<String> targets1 = targetRegions == null ? List.of() : targetRegions;
        for (int i = 0; i < targets1.size(); i++) {
            if (regions.find(targets1.get(i)).isEmpty()) {
                violations.add(new Violation("targetRegions[" + i + "]", targets1.get(i) + " is not a Kemendagri region code"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleException(violations);
        }
        Programme.Creation creation = Programme.create(id, title, theme, organiser, start, end, targets1, targets,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        programmes.insert(creation.programme(), List.of(creation.event()));
        return creation.programme();
    }

    public Programme get(ProgrammeId id) {
        return programmes.findById(id.value()).orElseThrow(() -> new NotFoundException("programme", id.value()));
    }

    public java.util.Optional<Programme> find(ProgrammeId id) {
        return programmes.findById(id.value());
    }

    public PageResponse<Programme> list(String theme, PageQuery page) {
        Query query = theme == null ? new Query() : Query.query(Criteria.where("theme").is(theme.strip().toUpperCase()));
        return MongoPages.find(mongo, query, COLLECTION, Sort.by(Sort.Direction.DESC, "periodStart"), page, mapping::fromDocument);
    }
}
