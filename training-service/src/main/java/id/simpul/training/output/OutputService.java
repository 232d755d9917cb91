package id.simpul.training.output;

import id.simpul.eventing.AggregateStore;
import id.simpul.eventing.AggregateStores;
import id.simpul.platform.PageQuery;
import id.simpul.platform.MongoPages;
import id.simpul.platform.PageResponse;
import id.simpul.training.common.RuleException;
import id.simpul.training.programme.Programme;
import id.simpul.training.programme.ProgrammeId;
import id.simpul.training.programme.ProgrammeService;
import org.bson.Document;
import org.springframework.data.domain.Sort;
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

    OutputService(AggregateStores stores, MongoOperations mongo, ProgrammeService programmes, Clock clock) {
        this.outputs = stores.create(COLLECTION, mapping);
        this.mongo = mongo;
        this.programmes = programmes;
        this.clock = clock;
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
        Programme programme = programmes.get(programmeId);
        Attended training = attended(programme, d.kimId(), d.trainingId());
        if (d.publishedOn().isBefore(training.date())) {
            throw new RuleException("publishedOn", "must not be before the KIM's training on " + training.date());
        }
        if (d.publishedOn().isAfter(LocalDate.now(clock.withZone(ZoneOffset.ofHours(9))))) {
            throw new RuleException("publishedOn", "must not be in the future");
        }
        Output.Report report = Output.report(id, programmeId, training.trainingId(), d.kimId(), training.villageCode(),
                d.channel(), d.url(), d.publishedOn(), d.peopleReached(), d.description(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        outputs.insert(report.output(), List.of(report.event()));
        return report.output();
    }

    private record Attended(String trainingId, LocalDate date, String villageCode) {
    }

    /** The completed training of the programme that the KIM attended (the given one, or its latest). */
    private Attended attended(Programme programme, String kimId, String trainingId) {
        Query query = Query.query(Criteria.where("programmeId").is(programme.id().value()).and("status").is("COMPLETED"));
        query.fields().include("localStartDate").include("enrolments");
        List<Attended> trainings = mongo.find(query, Document.class, "trainings").stream()
                .filter(t -> trainingId == null || trainingId.equals(t.getString("_id")))
                .flatMap(t -> t.getList("enrolments", Document.class, List.of()).stream()
                        .filter(e -> kimId.equals(e.getString("kimId")) && e.getBoolean("attended", false))
                        .map(e -> new Attended(t.getString("_id"), LocalDate.parse(t.getString("localStartDate")),
                                e.getString("villageCode")))
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

    public PageResponse<Output> list(ProgrammeId programmeId, String kimId, PageQuery page) {
        Criteria criteria = Criteria.where("programmeId").is(programmeId.value());
        if (kimId != null) {
            criteria = criteria.and("kimId").is(kimId);
        }
        return MongoPages.find(mongo, Query.query(criteria), COLLECTION, Sort.by(Sort.Direction.DESC, "publishedOn"), page,
                mapping::fromDocument);
    }

    public java.util.Optional<Output> find(OutputId id) {
        return outputs.findById(id.value());
    }
}
