package id.simpul.training.output;

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
import id.simpul.regions.IndonesianTimeZone;
import id.simpul.training.common.Corrections;
import id.simpul.training.common.RuleException;
import id.simpul.training.programme.Programme;
import id.simpul.training.programme.ProgrammeId;
import id.simpul.training.programme.ProgrammeService;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Records what KIMs disseminated after their trainings. An output counts for a programme only when its KIM attended
 * a completed training of that programme and published after it.
 */
@Service
public class OutputService {

    static final String COLLECTION = "outputs";

    private final AggregateStore<Output> outputs;
    private final MongoOperations mongo;
    private final ProgrammeService programmes;
    private final Clock clock;
    private final OutputMapping mapping = new OutputMapping();

    private final Access access;

    OutputService(AggregateStores stores, MongoOperations mongo, ProgrammeService programmes, TrainingClock trainingClock,
                  Access access) {
        this.access = access;
        this.outputs = stores.create(COLLECTION, mapping);
        this.mongo = mongo;
        this.programmes = programmes;
        this.clock = trainingClock.clock();
        RegionPaths.fillStoredBefore(mongo, COLLECTION, "villageCode", OutputMapping.VILLAGE_PATH);
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                .on(OutputMapping.VILLAGE_PATH, org.springframework.data.domain.Sort.Direction.ASC));
    }

    /** What a KIM says it published. {@code trainingId} may be null: the KIM's latest training of the programme. */
    public record Dissemination(String kimId, String trainingId, Channel channel, String url, LocalDate publishedOn,
                                long peopleReached, String description) {
    }

    public Output report(ProgrammeId programmeId, Dissemination d) {
        return report(OutputId.newId(), programmeId, d);
    }

    /** Reports under a given id; seeds use fixed ids so that loading them again adds nothing. */
    public Output report(OutputId id, ProgrammeId programmeId, Dissemination d) {
        // A KIM officer reports what their own KIM published.
        access.require(TrainingRights.OUTPUTS_REPORT, Subject.in((String) null).kim(d.kimId()));
        Programme programme = programmes.get(programmeId);
        Attended training = attended(programme, d.kimId(), d.trainingId());
        checkPublished(d.publishedOn(), training);
        Output.Report report = Output.report(id, programmeId, training.trainingId(), d.kimId(), training.villageCode(),
                d.channel(), d.url(), d.publishedOn(), d.peopleReached(), d.description(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        outputs.insert(report.output(), List.of(report.event()));
        return report.output();
    }

    /** Published on or after the day of the training, and not after today, both at the venue. */
    private void checkPublished(LocalDate publishedOn, Attended training) {
        if (publishedOn.isBefore(training.date())) {
            throw new RuleException("publishedOn", "must not be before the KIM's training on " + training.date());
        }
        LocalDate today = LocalDate.now(clock.withZone(training.zone().zone()));
        if (publishedOn.isAfter(today)) {
            throw new RuleException("publishedOn", "must not be in the future (today is " + today + " " + training.zone()
                    + " at the training's venue)");
        }
    }

    private record Attended(String trainingId, LocalDate date, String villageCode, IndonesianTimeZone zone) {
    }

    /** Corrects an output read at {@code expectedVersion}; a new publication date is checked as when it was reported. */
    public Output correct(OutputId id, long expectedVersion, Output.Correction correction, String reason) {
        access.require(TrainingRights.OUTPUTS_CORRECT, Subject.in((String) null).kim(existing(id).kimId()));
        return Corrections.apply(outputs, id.value(), "output", expectedVersion, Output::version, current -> {
            if (correction.publishedOn() != null) {
                checkPublished(correction.publishedOn(), training(current.trainingId()));
            }
            return current.correct(correction, reason, now()).map(c -> new Corrections.Corrected<>(c.output(), c.event()));
        });
    }

    /** Withdraws an output read at {@code expectedVersion}: it stops counting toward its programme. */
    public Output withdraw(OutputId id, long expectedVersion, String reason) {
        Output output = existing(id);
        access.require(TrainingRights.OUTPUTS_WITHDRAW,
                ProgrammeService.organiserOf(programmes.get(output.programmeId())).kim(output.kimId()));
        return Corrections.apply(outputs, id.value(), "output", expectedVersion, Output::version, current -> {
            Output.Withdrawn withdrawn = current.withdraw(reason, now());
            return java.util.Optional.of(new Corrections.Corrected<>(withdrawn.output(), withdrawn.event()));
        });
    }

    private Attended training(String trainingId) {
        Document t = mongo.findById(trainingId, Document.class, "trainings");
        return new Attended(trainingId, LocalDate.parse(t.getString("localStartDate")), null,
                IndonesianTimeZone.valueOf(t.getString("timeZone")));
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The completed training of the programme that the KIM attended (the given one, or its latest). */
    private Attended attended(Programme programme, String kimId, String trainingId) {
        Query query = Query.query(Criteria.where("programmeId").is(programme.id().value()).and("status").is("COMPLETED"));
        query.fields().include("localStartDate").include("timeZone").include("enrolments");
        List<Attended> trainings = mongo.find(query, Document.class, "trainings").stream()
                .filter(t -> trainingId == null || trainingId.equals(t.getString("_id")))
                .flatMap(t -> t.getList("enrolments", Document.class, List.of()).stream()
                        .filter(e -> kimId.equals(e.getString("kimId")) && e.getBoolean("attended", false))
                        .map(e -> new Attended(t.getString("_id"), LocalDate.parse(t.getString("localStartDate")),
                                e.getString("villageCode"), IndonesianTimeZone.valueOf(t.getString("timeZone"))))
                        .limit(1))
                .sorted(Comparator.comparing(Attended::date).reversed())
                .toList();
        if (trainings.isEmpty()) {
            throw new RuleException(trainingId == null ? "kimId" : "trainingId", "KIM " + kimId + " has not attended "
                    + (trainingId == null ? "a completed training of programme '" + programme.title() + "'" : "completed training " + trainingId)
                    + "; outputs count after a KIM's training");
        }
        return trainings.getFirst();
    }

    /** The sort fields of output lists; newest publication first by default. */
    public static final Sorting.Fields SORT = Sorting.Fields.of(false, "publishedOn", "publishedOn",
            "peopleReached", "peopleReached", "reportedAt", "reportedAt");

    /** Which outputs a list shows; null leaves a condition out. */
    public record Filter(String kimId, String trainingId, Channel channel, Output.Status status, LocalDate from, LocalDate to) {
    }

    /** Outputs of a programme (or of every programme when null), by KIM, training, channel, status and publication date. */
    public PageResponse<Output> list(ProgrammeId programmeId, Filter f, Sorting order, PageQuery page) {
        Access.Holding holding = access.visible(TrainingRights.OUTPUTS_READ);
        List<Criteria> conditions = new java.util.ArrayList<>();
        if (!holding.everything()) {
            // The outputs the caller may read: of KIMs inside their scope or of programmes organised there; their KIM's.
            List<Criteria> seen = new java.util.ArrayList<>();
            holding.scope().ifPresent(scope -> {
                seen.add(RegionPaths.within(OutputMapping.VILLAGE_PATH, scope));
                seen.add(Criteria.where("programmeId").in(programmes.organisedIn(scope)));
            });
            holding.ownKim().ifPresent(own -> seen.add(Criteria.where("kimId").is(own)));
            conditions.add(MongoPages.anyOf(seen));
        }
        if (programmeId != null) {
            conditions.add(Criteria.where("programmeId").is(programmeId.value()));
        }
        if (f.kimId() != null) {
            conditions.add(Criteria.where("kimId").is(f.kimId()));
        }
        if (f.trainingId() != null) {
            conditions.add(Criteria.where("trainingId").is(f.trainingId()));
        }
        if (f.channel() != null) {
            conditions.add(Criteria.where("channel").is(f.channel().name()));
        }
        if (f.status() == Output.Status.WITHDRAWN) {
            conditions.add(Criteria.where("status").is(Output.Status.WITHDRAWN.name()));
        } else if (f.status() == Output.Status.REPORTED) {
            conditions.add(Criteria.where("status").ne(Output.Status.WITHDRAWN.name()));
        }
        if (f.from() != null) {
            conditions.add(Criteria.where("publishedOn").gte(java.util.Date.from(f.from().atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        if (f.to() != null) {
            conditions.add(Criteria.where("publishedOn").lte(java.util.Date.from(f.to().atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        Query query = Query.query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions));
        return MongoPages.find(mongo, query, COLLECTION, order, page, mapping::fromDocument);
    }

    public java.util.Optional<Output> find(OutputId id) {
        return outputs.findById(id.value());
    }

    /** An output as the caller may read it: of their KIM, of a KIM in their scope, or of a programme they manage. */
    public java.util.Optional<Output> read(OutputId id) {
        access.require(TrainingRights.OUTPUTS_READ);
        java.util.Optional<Output> output = find(id);
        output.ifPresent(o -> access.requireAny(TrainingRights.OUTPUTS_READ, List.of(
                ProgrammeService.organiserOf(programmes.get(o.programmeId())).kim(o.kimId()), Subject.in(o.villageCode()))));
        return output;
    }

    private Output existing(OutputId id) {
        return find(id).orElseThrow(() -> new id.simpul.training.common.NotFoundException("output", id.value()));
    }
}
