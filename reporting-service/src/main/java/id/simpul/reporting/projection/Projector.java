package id.simpul.reporting.projection;

import id.simpul.contracts.EventTypes;
import id.simpul.eventing.ContractViolationException;
import id.simpul.eventing.BatchedEvents;
import id.simpul.eventing.EventRoutes;
import id.simpul.eventing.ReadModels;
import id.simpul.eventing.EventJson;
import id.simpul.eventing.IncomingEvent;
import id.simpul.eventing.UnknownAggregateException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Applies an event to the read models of the given generations: the live consumer passes every generation being
 * written, a rebuild only the one it fills. Events of types reporting does not read are skipped on purpose; every
 * other record must meet the published contract (its schema and the size limit) or it is refused as unreadable.
 *
 * <p>Only an aggregate's first event creates its document ({@code kim.registered}, {@code programme.created},
 * {@code partner.registered}, {@code training.drafted}, {@code output.reported}). A later event (a status change, a
 * correction, a withdrawal) about an aggregate that the served generation has never seen created is refused with an
 * {@link UnknownAggregateException} (retried, then dead-lettered) instead of being applied as if the aggregate were
 * new. While a rebuild runs, such an event goes to the rebuild's generation only,
 * where the rebuild's own reading of the topic brings the creation; a rebuild skips what it cannot place.
 */
@Component
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    /** What became of an event. */
    public enum Outcome { APPLIED, UNCHANGED, SKIPPED }

    /**
     * What an event does to its aggregate's document: {@code change} sees the document as stored (or one holding only
     * {@code _id}) and says whether it changed it.
     */
    private record Step(IncomingEvent event, String collection, String aggregate, boolean creates,
                        Predicate<Document> change) {

        /** Whether {@code document} counts as created (see {@link #CREATED_BY}). */
        boolean known(Document document) {
            return creates || document.get(CREATED_BY.get(collection)) != null;
        }

        UnknownAggregateException unknown() {
            return new UnknownAggregateException("reporting has not seen " + collection + " " + aggregate
                    + " created; " + event.type() + " " + event.id() + " cannot be applied before its first event");
        }
    }

    /**
     * The field an aggregate's first event sets, by which its document counts as created: a document without it
     * holds only later events and counts in no figure.
     */
    public static final Map<String, String> CREATED_BY = Map.of(ReadModelStore.KIMS, "registeredAt",
            ReadModelStore.PROGRAMMES, "createdAt", ReadModelStore.PARTNERS, "registeredAt",
            ReadModelStore.TRAININGS, "draftedAt", ReadModelStore.OUTPUTS, "reportedAt");

    /** A read model: its collection and the record of its rows. */
    private record Model<R extends Rows.Row>(String collection, Class<R> type) {

        boolean change(Document document, UnaryOperator<R> change) {
            return RowMapping.get().change(type, document, change);
        }
    }

    private static final Model<Rows.Kim> KIMS = new Model<>(ReadModelStore.KIMS, Rows.Kim.class);
    private static final Model<Rows.Programme> PROGRAMMES = new Model<>(ReadModelStore.PROGRAMMES, Rows.Programme.class);
    private static final Model<Rows.Partner> PARTNERS = new Model<>(ReadModelStore.PARTNERS, Rows.Partner.class);
    private static final Model<Rows.Training> TRAININGS = new Model<>(ReadModelStore.TRAININGS, Rows.Training.class);
    private static final Model<Rows.Output> OUTPUTS = new Model<>(ReadModelStore.OUTPUTS, Rows.Output.class);

    /** A document of a batch: which read model, of which generation. */
    private record Written(String collection, int generation) {
    }

    /** Hears of every read-model document an event changed, as it was written. */
    public interface WriteListener {
        void written(String collection, int generation, Document document);
    }

    /** Each event type read into the {@link Step} it takes on its aggregate's document (filled by the constructor). */
    private final EventRoutes.Builder<Step> routing;
    private final EventRoutes<Step> routes;
    private final DistributionSummary batchSizes;
    private final ReadModelStore store;
    private final AtomicLong changes = new AtomicLong();
    private final List<WriteListener> listeners = new CopyOnWriteArrayList<>();

    Projector(ReadModelStore store, MeterRegistry meters, KimProjection kims, ProgrammeProjection programmes,
              PartnerProjection partners, TrainingProjection trainings, OutputProjection outputs) {
        this.store = store;
        this.routing = EventRoutes.builder("reporting", EventJson.mapper(), meters);
        this.batchSizes = DistributionSummary.builder("simpul.events.batch").tag("consumer", "reporting")
                .description("Records the live consumer took from one poll").register(meters);
        creates(EventTypes.KIM_REGISTERED, Payloads.KimSnapshot.class, kims::check, KIMS,
                Payloads.KimSnapshot::kimId, kims::registered);
        changes(EventTypes.KIM_UPDATED, Payloads.KimSnapshot.class, kims::check, KIMS,
                Payloads.KimSnapshot::kimId, kims::updated);
        changes(EventTypes.KIM_STATUS_CHANGED, Payloads.KimStatusChanged.class, kims::check, KIMS,
                Payloads.KimStatusChanged::kimId, kims::statusChanged);
        creates(EventTypes.PROGRAMME_CREATED, Payloads.ProgrammeCreated.class, programmes::check, PROGRAMMES,
                Payloads.ProgrammeCreated::programmeId, programmes::created);
        changes(EventTypes.PROGRAMME_UPDATED, Payloads.ProgrammeUpdated.class, programmes::check, PROGRAMMES,
                Payloads.ProgrammeUpdated::programmeId, programmes::updated);
        creates(EventTypes.PARTNER_REGISTERED, Payloads.PartnerRegistered.class, partners::check, PARTNERS,
                Payloads.PartnerRegistered::partnerId, partners::registered);
        changes(EventTypes.PARTNER_UPDATED, Payloads.PartnerUpdated.class, partners::check, PARTNERS,
                Payloads.PartnerUpdated::partnerId, partners::updated);
        creates(EventTypes.OUTPUT_REPORTED, Payloads.OutputReported.class, outputs::check, OUTPUTS,
                Payloads.OutputReported::outputId, outputs::reported);
        changes(EventTypes.OUTPUT_CORRECTED, Payloads.OutputCorrected.class, outputs::check, OUTPUTS,
                Payloads.OutputCorrected::outputId, outputs::corrected);
        changes(EventTypes.OUTPUT_WITHDRAWN, Payloads.OutputWithdrawn.class, outputs::check, OUTPUTS,
                Payloads.OutputWithdrawn::outputId, outputs::withdrawn);
        creates(EventTypes.TRAINING_DRAFTED, Payloads.TrainingDescribed.class, trainings::check, TRAININGS,
                Payloads.TrainingDescribed::trainingId, (t, e) -> trainings.described(t, e, "DRAFT"));
        training(EventTypes.TRAINING_UPDATED, Payloads.TrainingUpdated.class, trainings::check,
                Payloads.TrainingUpdated::trainingId, trainings::updated);
        training(EventTypes.TRAINING_SCHEDULED, Payloads.TrainingDescribed.class, trainings::check,
                Payloads.TrainingDescribed::trainingId, (t, e) -> trainings.described(t, e, "SCHEDULED"));
        training(EventTypes.TRAINING_RESCHEDULED, Payloads.TrainingRescheduled.class, e -> { },
                Payloads.TrainingRescheduled::trainingId, trainings::rescheduled);
        training(EventTypes.TRAINING_CANCELLED, Payloads.TrainingEnded.class, e -> { },
                Payloads.TrainingEnded::trainingId, (t, e) -> trainings.ended(t, e, "CANCELLED"));
        training(EventTypes.TRAINING_COMPLETED, Payloads.TrainingEnded.class, e -> { },
                Payloads.TrainingEnded::trainingId, (t, e) -> trainings.ended(t, e, "COMPLETED"));
        training(EventTypes.PARTNER_INVITED, Payloads.InvitationChanged.class, e -> { },
                Payloads.InvitationChanged::trainingId, (t, e) -> trainings.invitation(t, e, "INVITED"));
        training(EventTypes.PARTNER_JOINED, Payloads.InvitationChanged.class, e -> { },
                Payloads.InvitationChanged::trainingId, (t, e) -> trainings.invitation(t, e, "JOINED"));
        training(EventTypes.PARTNER_DECLINED, Payloads.InvitationChanged.class, e -> { },
                Payloads.InvitationChanged::trainingId, (t, e) -> trainings.invitation(t, e, "DECLINED"));
        training(EventTypes.PARTICIPANT_ENROLLED, Payloads.EnrolmentChanged.class, trainings::check,
                Payloads.EnrolmentChanged::trainingId, (t, e) -> trainings.enrolment(t, e, "ENROLLED"));
        training(EventTypes.PARTICIPANT_PROMOTED, Payloads.EnrolmentChanged.class, trainings::check,
                Payloads.EnrolmentChanged::trainingId, (t, e) -> trainings.enrolment(t, e, "ENROLLED"));
        training(EventTypes.PARTICIPANT_WAITLISTED, Payloads.EnrolmentChanged.class, trainings::check,
                Payloads.EnrolmentChanged::trainingId, (t, e) -> trainings.enrolment(t, e, "WAITLISTED"));
        training(EventTypes.PARTICIPANT_WITHDREW, Payloads.EnrolmentChanged.class, trainings::check,
                Payloads.EnrolmentChanged::trainingId, (t, e) -> trainings.enrolment(t, e, "WITHDRAWN"));
        training(EventTypes.ATTENDANCE_RECORDED, Payloads.AttendanceRecorded.class, e -> { },
                Payloads.AttendanceRecorded::trainingId, trainings::attendance);
        this.routes = routing.build();
    }

    /**
     * The live consumer's way: applies {@code event} to every generation of {@code state} being written, provided the
     * served generation knows the aggregate (see the class comment). Throws {@link id.simpul.eventing.UnreadableEventException}
     * (an {@link UnknownRegionException} or a {@link ContractViolationException} among them) when the event cannot be
     * read, placed or accepted, and {@link UnknownAggregateException} when its aggregate is unknown; nothing is
     * written then.
     */
    public Outcome applyLive(IncomingEvent event, Generations.State state) {
        try {
            return apply(event, state.writing(), state.current());
        } catch (UnknownAggregateException unknown) {
            if (state.building() == null) {
                throw unknown;
            }
            return apply(event, List.of(state.building()), null);
        }
    }

    /** A rebuild's way: applies {@code event} to {@code generation}, which must know its aggregate already. */
    public Outcome applyRebuilding(IncomingEvent event, int generation) {
        return apply(event, List.of(generation), generation);
    }

    /**
     * Applies {@code event} to {@code generations}; with {@code knownIn}, only when that generation has seen the
     * aggregate created (or the event creates it). Without it, events of an aggregate may come in any order.
     */
    public Outcome apply(IncomingEvent event, List<Integer> generations, Integer knownIn) {
        Step step = read(event);
        if (step == null) {
            return Outcome.SKIPPED;
        }
        boolean changed = false;
        for (int generation : generations) {
            boolean mustBeKnown = knownIn != null && knownIn == generation;
            String collection = Generations.collection(step.collection(), generation);
            Optional<Document> written = store.merge(collection, step.aggregate(),
                    document -> {
                        if (mustBeKnown && !step.known(document)) {
                            throw step.unknown();
                        }
                        return step.change().test(document);
                    },
                    // Already applied: told again, in case the write it came from was stored but its answer
                    // lost (the listeners keep only what is newer than what they hold).
                    stored -> tell(step.collection(), generation, stored, event));
            if (written.isPresent()) {
                changed = true;
                tell(step.collection(), generation, written.get(), event);
            }
        }
        return handled(event, changed);
    }

    /** The step {@code event} takes, checked against the contract; null for a type reporting does not read. */
    private Step read(IncomingEvent event) {
        return routes.route(event);
    }

    private Outcome handled(IncomingEvent event, boolean changed) {
        routes.handled(event);
        if (changed) {
            changes.incrementAndGet();
            return Outcome.APPLIED;
        }
        return Outcome.UNCHANGED;
    }

    /**
     * The live consumer's way for the records of one poll, in their partitions' order: as {@link #applyLive} one by
     * one, with one read of every document the batch touches and one bulk write ({@link BatchedEvents}, which also
     * says what becomes of an event that cannot be applied).
     */
    public void applyLive(List<Supplier<IncomingEvent>> records, Generations.State state) {
        batchSizes.record(records.size());
        BatchedEvents.apply(records, store.models(), new BatchedEvents.Steps<Step, Written>() {
            @Override
            public Step read(IncomingEvent event) {
                return Projector.this.read(event);
            }

            @Override
            public IncomingEvent event(Step step) {
                return step.event();
            }

            @Override
            public void want(Step step, ReadModels.Batch<Written> batch) {
                for (int generation : state.writing()) {
                    batch.want(Generations.collection(step.collection(), generation), step.aggregate());
                }
            }

            @Override
            public boolean apply(Step step, ReadModels.Batch<Written> batch) {
                return applyTo(batch, step, state);
            }

            @Override
            public boolean touches(Step step, Set<ReadModels.Key> documents) {
                return state.writing().stream().anyMatch(generation -> documents.contains(
                        new ReadModels.Key(Generations.collection(step.collection(), generation), step.aggregate())));
            }

            @Override
            public void applyAlone(Step step) {
                applyLive(step.event(), state);
            }

            @Override
            public void handled(Step step, boolean changed) {
                Projector.this.handled(step.event(), changed);
            }

            @Override
            public void told(Written written, Document document) {
                tell(written.collection(), written.generation(), document, null);
            }
        });
    }

    /** Applies {@code step} to the batch's documents of every generation being written; whether it changed one. */
    private boolean applyTo(ReadModels.Batch<Written> batch, Step step, Generations.State state) {
        List<Integer> generations = state.writing();
        Document served = batch.document(Generations.collection(step.collection(), state.current()), step.aggregate());
        if (!step.known(served)) {
            if (state.building() == null) {
                throw step.unknown();
            }
            generations = List.of(state.building());
        }
        boolean changed = false;
        for (int generation : generations) {
            changed |= batch.change(Generations.collection(step.collection(), generation), step.aggregate(),
                    step.change(), new Written(step.collection(), generation));
        }
        return changed;
    }

    public void onWrite(WriteListener listener) {
        listeners.add(listener);
    }

    /** Counts the events that changed a read model: figures are computed again when it moves. */
    public long changes() {
        return changes.get();
    }

    private <T> void training(String type, Class<T> payload, Consumer<T> check, Function<T, String> id,
                              BiFunction<Rows.Training, T, Rows.Training> change) {
        changes(type, payload, check, TRAININGS, id, change);
    }

    /** An aggregate's first event: it creates the document. */
    private <T, R extends Rows.Row> void creates(String type, Class<T> payload, Consumer<T> check, Model<R> model,
                                                 Function<T, String> id, BiFunction<R, T, R> change) {
        on(type, payload, check, model, id, change, true);
    }

    /** A later event: applied only to a document whose aggregate was seen created (see the class comment). */
    private <T, R extends Rows.Row> void changes(String type, Class<T> payload, Consumer<T> check, Model<R> model,
                                                 Function<T, String> id, BiFunction<R, T, R> change) {
        on(type, payload, check, model, id, change, false);
    }

    private <T, R extends Rows.Row> void on(String type, Class<T> payload, Consumer<T> check, Model<R> model,
                                            Function<T, String> id, BiFunction<R, T, R> change, boolean creates) {
        routing.on(type, payload, (event, read) -> {
            check.accept(read);
            return new Step(event, model.collection(), id.apply(read), creates,
                    document -> model.change(document, row -> change.apply(row, read)));
        });
    }

    /** The write is stored whatever a listener does with it, so a failing listener does not fail the event. */
    private void tell(String collection, int generation, Document document, IncomingEvent event) {
        for (WriteListener listener : listeners) {
            try {
                listener.written(collection, generation, document);
            } catch (RuntimeException e) {
                log.warn("A read-model listener failed on the {} document {} written for event {}", collection,
                        document.get("_id"), event == null ? "(a batch)" : event.id(), e);
            }
        }
    }
}
