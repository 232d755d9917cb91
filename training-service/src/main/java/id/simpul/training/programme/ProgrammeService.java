package id.simpul.training.programme;

import id.simpul.training.common.RegionPaths;
import id.simpul.training.common.TrainingRights;
import id.simpul.platform.access.Subject;
import id.simpul.platform.access.Access;
import id.simpul.regions.RegionCode;
import id.simpul.training.common.TrainingClock;
import id.simpul.eventing.AggregateStore;
import id.simpul.eventing.AggregateStores;
import id.simpul.platform.PageQuery;
import id.simpul.platform.MongoPages;
import id.simpul.platform.PageResponse;
import id.simpul.platform.Sorting;
import id.simpul.regions.IndonesianTimeZone;
import id.simpul.training.common.Corrections;
import org.bson.Document;
import id.simpul.regions.RegionDataset;
import id.simpul.regions.RegionLevel;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.common.RuleException;
import id.simpul.training.common.Violation;
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

    private final Access access;

    ProgrammeService(AggregateStores stores, MongoOperations mongo, RegionDataset regions, TrainingClock trainingClock,
                     Access access) {
        this.access = access;
        this.programmes = stores.create(COLLECTION, mapping);
        this.mongo = mongo;
        this.regions = regions;
        this.clock = trainingClock.clock();
        RegionPaths.fillStoredBefore(mongo, COLLECTION, "organiser.regionCode", ProgrammeMapping.ORGANISER_PATH);
    }

    public Programme create(String title, String theme, Organiser organiser, LocalDate start, LocalDate end,
                            List<String> targetRegions, Targets targets) {
        return create(ProgrammeId.newId(), title, theme, organiser, start, end, targetRegions, targets);
    }

    /** Creates under a given id; seeds use fixed ids so that loading them again adds nothing. */
    public Programme create(ProgrammeId id, String title, String theme, Organiser organiser, LocalDate start, LocalDate end,
                            List<String> targetRegions, Targets targets) {
        // A regional office's manager plans for their region; the ministry's programmes need national scope.
        access.require(TrainingRights.PROGRAMMES_CREATE, Subject.in(organiser.level() == Organiser.Level.REGION ? organiser.regionCode() : null));
        List<Violation> violations = new ArrayList<>();
        if (organiser.regionCode() != null && regions.find(organiser.regionCode())
                .filter(r -> r.level() == RegionLevel.PROVINCE || r.level() == RegionLevel.REGENCY).isEmpty()) {
            violations.add(new Violation("organiser.regionCode", organiser.regionCode() + " is not a province or regency/city"));
        }
        List<String> targets1 = targetRegions == null ? List.of() : targetRegions;
        checkRegions(targets1, violations);
        if (!violations.isEmpty()) {
            throw new RuleException(violations);
        }
        Programme.Creation creation = Programme.create(id, title, theme, organiser, start, end, targets1, targets,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        programmes.insert(creation.programme(), List.of(creation.event()));
        return creation.programme();
    }

    private void checkRegions(List<String> targetRegions, List<Violation> violations) {
        for (int i = 0; i < targetRegions.size(); i++) {
            if (regions.find(targetRegions.get(i)).isEmpty()) {
                violations.add(new Violation("targetRegions[" + i + "]", targetRegions.get(i) + " is not a Kemendagri region code"));
            }
        }
    }

    /**
     * Corrects a programme read at {@code expectedVersion}. Its period must still hold every training that is not
     * cancelled; trainings and enrolments already made outside narrowed target regions stay.
     */
    public Programme correct(ProgrammeId id, long expectedVersion, Programme.Correction correction) {
        access.require(TrainingRights.PROGRAMMES_UPDATE, organiserOf(get(id)));
        List<Violation> violations = new ArrayList<>();
        if (correction.targetRegions() != null) {
            checkRegions(correction.targetRegions(), violations);
        }
        if (!violations.isEmpty()) {
            throw new RuleException(violations);
        }
        return Corrections.apply(programmes, id.value(), "programme", expectedVersion, Programme::version, current -> {
            var corrected = current.correct(correction, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            corrected.ifPresent(c -> checkTrainingsWithin(c.programme()));
            return corrected.map(c -> new Corrections.Corrected<>(c.programme(), c.event()));
        });
    }

    private void checkTrainingsWithin(Programme programme) {
        Query outside = Query.query(Criteria.where("programmeId").is(programme.id().value()).and("status").ne("CANCELLED")
                .orOperator(Criteria.where("localStartDate").lt(programme.periodStart().toString()),
                        Criteria.where("localStartDate").gt(programme.periodEnd().toString())));
        outside.fields().include("title").include("localStartDate");
        outside.limit(5);
        List<Document> trainings = mongo.find(outside, Document.class, "trainings");
        if (!trainings.isEmpty()) {
            throw new RuleException("period", "must hold the programme's trainings; outside it: " + trainings.stream()
                    .map(t -> "'" + t.getString("title") + "' on " + t.getString("localStartDate"))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** Today's date in Indonesia, by which a programme is PLANNED, RUNNING or ENDED (WIB, where the ministry sits). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(IndonesianTimeZone.WIB.zone()));
    }

    public Programme get(ProgrammeId id) {
        return programmes.findById(id.value()).orElseThrow(() -> new NotFoundException("programme", id.value()));
    }

    public java.util.Optional<Programme> find(ProgrammeId id) {
        return programmes.findById(id.value());
    }

    /** The ids of the programmes whose organiser is {@code scope} or a region inside it. */
    public List<String> organisedIn(RegionCode scope) {
        Query organised = Query.query(RegionPaths.within(ProgrammeMapping.ORGANISER_PATH, scope));
        organised.fields().include("_id");
        return mongo.find(organised, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /** Where docs/access.md puts a programme and what belongs to it: its organiser's region (national: the ministry). */
    public static Subject organiserOf(Programme programme) {
        return Subject.in(programme.organiserRegion());
    }

    /** The sort fields of the programme list; newest period first by default. */
    public static final Sorting.Fields SORT = Sorting.Fields.of(false, "periodStart", "periodStart", "periodEnd", "periodEnd",
            "title", "title", "createdAt", "createdAt");

    /** Which programmes a list shows; null leaves a condition out. */
    public record Filter(String theme, String region, Organiser.Level organiserLevel, String organiserRegion,
                         LocalDate from, LocalDate to, ProgrammeStatus status) {
    }

    /**
     * Programmes by theme; by region (one that targets it, a region above or below it, or all of Indonesia); by
     * organiser (its level, or the office of a region); running at some time between {@code from} and {@code to};
     * and by status today.
     */
    public PageResponse<Programme> list(Filter f, Sorting order, PageQuery page) {
        List<Criteria> conditions = new ArrayList<>();
        if (f.theme() != null) {
            conditions.add(Criteria.where("theme").is(f.theme().strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")));
        }
        if (f.region() != null) {
            conditions.add(new Criteria().orOperator(Criteria.where("targetRegions").size(0),
                    Criteria.where("targetRegions").in(new RegionCode(f.region()).selfAndAncestors().stream().map(RegionCode::value).toList()),
                    Criteria.where("targetRegions").regex(new RegionCode(f.region()).belowRegex())));
        }
        if (f.organiserLevel() != null) {
            conditions.add(Criteria.where("organiser.level").is(f.organiserLevel().name()));
        }
        if (f.organiserRegion() != null) {
            conditions.add(Criteria.where("organiser.regionCode").is(f.organiserRegion()));
        }
        if (f.from() != null) {
            conditions.add(Criteria.where("periodEnd").gte(ProgrammeMapping.date(f.from())));
        }
        if (f.to() != null) {
            conditions.add(Criteria.where("periodStart").lte(ProgrammeMapping.date(f.to())));
        }
        if (f.status() != null) {
            java.util.Date today = ProgrammeMapping.date(today());
            conditions.add(switch (f.status()) {
                case PLANNED -> Criteria.where("periodStart").gt(today);
                case RUNNING -> new Criteria().andOperator(Criteria.where("periodStart").lte(today),
                        Criteria.where("periodEnd").gte(today));
                case ENDED -> Criteria.where("periodEnd").lt(today);
            });
        }
        Query query = Query.query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions));
        return MongoPages.find(mongo, query, COLLECTION, order, page, mapping::fromDocument);
    }
}
