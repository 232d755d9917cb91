package id.simpul.training.session;

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
import id.simpul.regions.Region;
import id.simpul.regions.RegionDataset;
import id.simpul.training.common.NotFoundException;
import id.simpul.training.common.RuleException;
import id.simpul.training.common.StaleException;
import id.simpul.training.kimview.KimDirectory;
import id.simpul.training.partner.Partner;
import id.simpul.training.partner.PartnerId;
import id.simpul.training.partner.PartnerService;
import id.simpul.training.programme.Programme;
import id.simpul.training.programme.ProgrammeId;
import id.simpul.training.programme.ProgrammeService;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The application service of trainings: plans them, answers invitations (booking speakers), enrols KIMs that
 * training-service knows to be eligible, records attendance and completes them. Changes to one training are
 * serialised in this instance and checked against the stored version, so that capacity holds under load and across
 * instances.
 */
@Service
public class TrainingService {

    static final String COLLECTION = "trainings";
    private static final int ATTEMPTS = 5;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AggregateStore<Training> trainings;
    private final AggregateStore<SpeakerSchedule> speakers;
    private final MongoOperations mongo;
    private final ProgrammeService programmes;
    private final PartnerService partners;
    private final KimDirectory kims;
    private final RegionDataset regions;
    private final Clock clock;
    private final Duration lateEntry;
    private final TrainingMapping mapping = new TrainingMapping();
    private final ReentrantLock[] locks = new ReentrantLock[64];
    private final SecureRandom random = new SecureRandom();
    private final Access access;

    @Autowired
    TrainingService(AggregateStores stores, MongoOperations mongo, ProgrammeService programmes, PartnerService partners,
                    KimDirectory kims, RegionDataset regions, TrainingClock trainingClock,
                    @Value("${simpul.training.late-entry:PT2H}") Duration lateEntry, Access access) {
        this.access = access;
        this.lateEntry = lateEntry;
        this.trainings = stores.create(COLLECTION, mapping);
        this.speakers = stores.create("speaker_schedules", new SpeakerScheduleMapping());
        this.mongo = mongo;
        this.programmes = programmes;
        this.partners = partners;
        this.kims = kims;
        this.regions = regions;
        this.clock = trainingClock.clock();
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        // The lookups by what a training holds: a KIM's enrolments, a partner's invitations, ids and certificate codes.
        for (String field : List.of("enrolments.kimId", "enrolments.id", "enrolments.certificateCode", "invitations.id",
                "invitations.partner.partnerId", "programmeId")) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(field, Sort.Direction.ASC));
        }
    }

    private TrainingService(TrainingService of, Clock clock) {
        this.access = of.access;
        this.trainings = of.trainings;
        this.speakers = of.speakers;
        this.mongo = of.mongo;
        this.programmes = of.programmes;
        this.partners = of.partners;
        this.kims = of.kims;
        this.regions = of.regions;
        this.lateEntry = of.lateEntry;
        System.arraycopy(of.locks, 0, this.locks, 0, locks.length);
        this.clock = clock;
    }

    /**
     * The same trainings, with changes made as of {@code clock}'s time: the seed records a training that took place
     * before it was loaded, each step at the time it happened.
     */
    public TrainingService asOf(Clock clock) {
        return new TrainingService(this, clock);
    }

    /** What a new training needs. Times are local to the venue (or to {@code timeZone} for an online training). */
    public record Plan(ProgrammeId programmeId, String title, String topic, TrainingMode mode, Venue venue,
                       IndonesianTimeZone timeZone, LocalDateTime start, LocalDateTime end, int capacity,
                       LocalDateTime enrolmentDeadline, List<Material> materials) {
    }

    public Training draft(Plan plan) {
        return draft(TrainingId.newId(), plan);
    }

    /** Drafts under a given id; seeds use fixed ids so that loading them again adds nothing. */
    public Training draft(TrainingId id, Plan plan) {
        Programme programme = programmes.find(plan.programmeId())
                .orElseThrow(() -> new RuleException("programmeId", "there is no programme " + plan.programmeId().value()));
        access.require(TrainingRights.TRAININGS_CREATE, ProgrammeService.organiserOf(programme));
        IndonesianTimeZone zone = zoneOf(plan.mode(), plan.venue(), plan.timeZone());
        Schedule schedule = Schedule.local(plan.start(), plan.end(), zone);
        checkWithinPeriod(programme, schedule);
        Training.Drafting drafting = Training.draft(id, plan.programmeId(), plan.title(), plan.topic(), plan.mode(),
                plan.venue(), schedule, plan.capacity(),
                plan.enrolmentDeadline() == null ? null : plan.enrolmentDeadline().atZone(zone.zone()).toInstant(),
                plan.materials(), now(), lateEntry);
        drafting.training().recorded(step(List.of(drafting.event())));
        trainings.insert(drafting.training(), List.of(drafting.event()));
        return drafting.training();
    }

    /** A training takes place within its programme's period (dates at the venue). */
    private static void checkWithinPeriod(Programme programme, Schedule schedule) {
        LocalDate first = schedule.localStart().toLocalDate();
        LocalDate last = schedule.localEnd().toLocalDate();
        if (first.isBefore(programme.periodStart()) || last.isAfter(programme.periodEnd())) {
            throw new RuleException("start", "must lie within the period of programme '" + programme.title() + "', "
                    + programme.periodStart() + " to " + programme.periodEnd());
        }
    }

    /** The venue's time zone, from its province; an online training names its own (or is given WIB). */
    private IndonesianTimeZone zoneOf(TrainingMode mode, Venue venue, IndonesianTimeZone requested) {
        if (venue.regionCode() == null) {
            if (mode != TrainingMode.ONLINE) {
                throw new RuleException("venue.regionCode", "is required for an " + mode + " training");
            }
            return requested == null ? IndonesianTimeZone.WIB : requested;
        }
        Region region = regions.find(venue.regionCode())
                .orElseThrow(() -> new RuleException("venue.regionCode", venue.regionCode() + " is not a Kemendagri region code"));
        if (requested != null && requested != region.timeZone()) {
            throw new RuleException("timeZone", "a venue in " + region.name() + " is on " + region.timeZone() + ", not " + requested);
        }
        return region.timeZone();
    }

    public Training schedule(TrainingId id, Long expectedVersion) {
        return change(id, expectedVersion, TrainingRights.TRAININGS_CHANGE_STATUS, t -> List.of(t.schedule(now(), lateEntry)));
    }

    public Training cancel(TrainingId id, Long expectedVersion, String reason) {
        Training training = change(id, expectedVersion, TrainingRights.TRAININGS_CHANGE_STATUS, t -> List.of(t.cancel(reason, now())));
        training.bookings().forEach(b -> updateSchedule(b.key(), s -> s.release(id.value())));
        return training;
    }

    public Training complete(TrainingId id, Long expectedVersion) {
        return change(id, expectedVersion, TrainingRights.TRAININGS_CHANGE_STATUS, t -> List.of(t.complete(this::certificateCode, now())));
    }

    /** Moves a scheduled training; every speaker booked for it must be free at the new time. */
    public Training reschedule(TrainingId id, Long expectedVersion, LocalDateTime start, LocalDateTime end,
                               LocalDateTime enrolmentDeadline, String reason) {
        access.require(TrainingRights.TRAININGS_RESCHEDULE);
        lock(id).lock();
        try {
            Training current = load(id);
            access.require(TrainingRights.TRAININGS_RESCHEDULE, organiser(current));
            Schedule next = Schedule.local(start, end, current.schedule().timeZone());
            checkWithinPeriod(programmes.get(current.programmeId()), next);
            List<Training.Booking> booked = current.bookings();
            bookAll(booked, current, next);
            try {
                return change(id, expectedVersion, t -> List.of(t.reschedule(next,
                        enrolmentDeadline == null ? null : enrolmentDeadline.atZone(next.timeZone().zone()).toInstant(),
                        reason, now(), lateEntry)));
            } catch (RuntimeException failed) {
                bookAll(booked, current, current.schedule());
                throw failed;
            }
        } finally {
            lock(id).unlock();
        }
    }

    /** What a correction of a training sets; null leaves a field as it is. The deadline is local to the venue. */
    public record Correction(String title, String topic, Venue venue, Integer capacity, LocalDateTime enrolmentDeadline,
                             List<Material> materials) {
    }

    /**
     * Corrects a training read at {@code expectedVersion}. A new venue must be in the zone the training's times are
     * in (moving it across zones is a reschedule: plan it again); a raised capacity seats those waiting.
     */
    public Training correct(TrainingId id, long expectedVersion, Correction c) {
        Access.Holding holding = access.require(TrainingRights.TRAININGS_UPDATE);
        Training training = load(id);
        if (!holding.allows(organiser(training))) {
            // A partner invited to the training (and not declining) corrects its briefing materials, nothing else.
            boolean invited = training.invitations().stream().filter(i -> i.status() != Invitation.Status.DECLINED)
                    .anyMatch(i -> holding.allows(Subject.in((RegionCode) null).partner(i.partner().partnerId())));
            if (!invited) {
                access.require(TrainingRights.TRAININGS_UPDATE, organiser(training));
            }
            if (c.title() != null || c.topic() != null || c.venue() != null || c.capacity() != null || c.enrolmentDeadline() != null) {
                throw access.forbidden(TrainingRights.TRAININGS_UPDATE, "A partner invited to a training corrects its materials "
                        + "only; the programme's manager corrects the rest.");
            }
        }
        return change(id, expectedVersion, t -> {
            IndonesianTimeZone zone = t.schedule().timeZone();
            if (c.venue() != null && c.venue().regionCode() != null) {
                IndonesianTimeZone venueZone = zoneOf(t.mode(), c.venue(), null);
                if (venueZone != zone) {
                    throw new RuleException("venue.regionCode", "a venue on " + venueZone + " does not fit a training whose "
                            + "times are in " + zone);
                }
            }
            return t.correct(new Training.Correction(c.title(), c.topic(), c.venue(), c.capacity(),
                    c.enrolmentDeadline() == null ? null : c.enrolmentDeadline().atZone(zone.zone()).toInstant(),
                    c.materials()), now());
        });
    }

    public Training invite(TrainingId id, PartnerId partnerId) {
        access.require(TrainingRights.TRAININGS_INVITE);
        Partner partner = partners.find(partnerId)
                .orElseThrow(() -> new RuleException("partnerId", "there is no partner " + partnerId.value()));
        return change(id, null, TrainingRights.TRAININGS_INVITE, t -> List.of(t.invite(InvitationId.newId(),
                new PartnerRef(partner.id().value(), partner.name(), partner.type().name()), now())));
    }

    /** A partner accepts and names its speakers, each of whom must be free at the training's time. */
    public Training accept(InvitationId invitationId, List<Speaker> names) {
        TrainingId id = trainingOfInvitation(invitationId);
        answering(load(id), invitationId);
        lock(id).lock();
        try {
            Training current = load(id);
            Invitation invitation = current.invitation(invitationId).orElseThrow();
            List<Training.Booking> booked = names.stream()
                    .map(s -> new Training.Booking(s, invitation.partner().partnerId())).toList();
            bookAll(booked, current, current.schedule());
            try {
                return change(id, null, t -> List.of(t.accept(invitationId, names, now())));
            } catch (RuntimeException failed) {
                booked.forEach(b -> updateSchedule(b.key(), s -> s.release(id.value())));
                throw failed;
            }
        } finally {
            lock(id).unlock();
        }
    }

    public Training decline(InvitationId invitationId, String reason) {
        answering(ofInvitationUnchecked(invitationId), invitationId);
        return change(trainingOfInvitation(invitationId), null, t -> List.of(t.decline(invitationId, reason, now())));
    }

    /** What became of an enrolment request: the training, and the enrolment (in a seat or waiting). */
    public record Enrolled(Training training, Enrolment enrolment) {
    }

    /**
     * Enrols a participant of a KIM, if training-service knows the KIM from registry events as VERIFIED or ACTIVE and
     * it lies in the programme's target regions; otherwise a {@link NotEligibleException} says why.
     */
    public Enrolled enrol(TrainingId id, String kimId, Participant participant) {
        access.require(TrainingRights.ENROLMENTS_CREATE);
        Training current = load(id);
        access.require(TrainingRights.ENROLMENTS_CREATE, organiser(current).kim(kimId));
        KimDirectory.KnownKim kim = kims.find(kimId).orElseThrow(() -> new NotEligibleException(
                NotEligibleException.Reason.KIM_NOT_KNOWN_YET, null, "training-service has not (yet) heard of KIM " + kimId
                + " from registry-service. If it was registered a moment ago, try again in a few seconds; otherwise check the id."));
        if (!kim.mayEnrol()) {
            throw new NotEligibleException(NotEligibleException.Reason.KIM_STATUS, kim.status(), kim.name() + " is " + kim.status()
                    + " in registry-service; only VERIFIED or ACTIVE KIMs may enrol");
        }
        Programme programme = programmes.get(current.programmeId());
        if (!programme.covers(kim.villageCode())) {
            throw new NotEligibleException(NotEligibleException.Reason.OUTSIDE_TARGET_REGIONS, kim.status(), kim.name()
                    + " lies in " + kim.villageCode() + " (" + regencyName(kim.villageCode()) + "), outside the target regions "
                    + programme.targetRegions() + " of programme '" + programme.title() + "'");
        }
        EnrolmentId enrolmentId = EnrolmentId.newId();
        Training training = change(id, null, t -> List.of(t.enrol(enrolmentId, kim.kimId(), kim.name(), kim.villageCode(),
                participant, now())));
        return new Enrolled(training, training.enrolment(enrolmentId).orElseThrow());
    }

    /** What a withdrawal changed: the withdrawn enrolment, and the one promoted from the waitlist, if any. */
    public record Withdrawal(Training training, Enrolment withdrawn, Optional<Enrolment> promoted) {
    }

    public Withdrawal withdraw(EnrolmentId enrolmentId) {
        access.require(TrainingRights.ENROLMENTS_WITHDRAW);
        TrainingId id = trainingOf("enrolments.id", enrolmentId.value(), "enrolment");
        Training before = load(id);
        access.require(TrainingRights.ENROLMENTS_WITHDRAW,
                organiser(before).kim(before.enrolment(enrolmentId).map(Enrolment::kimId).orElse(null)));
        List<Object> events = new ArrayList<>();
        Training training = change(id, null, t -> {
            List<Object> caused = t.withdraw(enrolmentId, now());
            events.clear();
            events.addAll(caused);
            return caused;
        });
        Optional<Enrolment> promoted = events.stream().filter(e -> e instanceof TrainingEvents.ParticipantPromoted)
                .map(e -> ((TrainingEvents.ParticipantPromoted) e).enrolmentId()).findFirst().flatMap(training::enrolment);
        return new Withdrawal(training, training.enrolment(enrolmentId).orElseThrow(), promoted);
    }

    public Training recordAttendance(TrainingId id, Collection<EnrolmentId> present) {
        return change(id, null, TrainingRights.ATTENDANCE_RECORD, t -> t.recordAttendance(present, now()).<List<Object>>map(List::of).orElse(List.of()));
    }

    public Training get(TrainingId id) {
        return load(id);
    }

    public Optional<Training> find(TrainingId id) {
        return trainings.findById(id.value());
    }

    /** A training as the caller may read it: of a programme they manage, at a venue in their scope, or invited to. */
    public Training read(TrainingId id) {
        access.require(TrainingRights.TRAININGS_READ);
        Training training = load(id);
        access.requireAny(TrainingRights.TRAININGS_READ, seenFrom(training));
        return training;
    }

    /** A training whose enrolments (participants' names) the caller may read: its programme's manager. */
    public Training withEnrolments(TrainingId id) {
        access.require(TrainingRights.ENROLMENTS_READ);
        Training training = load(id);
        access.require(TrainingRights.ENROLMENTS_READ, organiser(training));
        return training;
    }

    /** The training an invitation belongs to, if the caller is the invited partner or the programme's manager. */
    public Training ofInvitation(InvitationId invitationId) {
        access.require(TrainingRights.INVITATIONS_READ);
        Training training = ofInvitationUnchecked(invitationId);
        access.require(TrainingRights.INVITATIONS_READ, organiser(training)
                .partner(training.invitation(invitationId).map(i -> i.partner().partnerId()).orElse(null)));
        return training;
    }

    private Training ofInvitationUnchecked(InvitationId invitationId) {
        return load(trainingOfInvitation(invitationId));
    }

    /** Only the invited partner (or the ministry) answers an invitation. */
    private void answering(Training training, InvitationId invitationId) {
        access.require(TrainingRights.INVITATIONS_ANSWER, Subject.in((RegionCode) null)
                .partner(training.invitation(invitationId).map(i -> i.partner().partnerId()).orElse(null)));
    }

    /** Where docs/access.md puts a training: its programme's organiser region. */
    private Subject organiser(Training training) {
        return ProgrammeService.organiserOf(programmes.get(training.programmeId()));
    }

    /** The sides a training is read from: its programme's organiser, its venue's region, each partner invited. */
    private List<Subject> seenFrom(Training training) {
        List<Subject> sides = new ArrayList<>();
        sides.add(organiser(training));
        if (training.venue() != null && training.venue().regionCode() != null) {
            sides.add(Subject.in(training.venue().regionCode()));
        }
        training.invitations().forEach(i -> sides.add(Subject.in((RegionCode) null).partner(i.partner().partnerId())));
        return sides;
    }

    /** The training and enrolment holding a certificate code. */
    public Optional<Training> ofCertificate(String code) {
        Document d = mongo.findOne(Query.query(Criteria.where("enrolments.certificateCode").is(code)), Document.class, COLLECTION);
        return Optional.ofNullable(d).map(mapping::fromDocument);
    }

    /** The sort fields of training lists; by start by default. */
    public static final Sorting.Fields SORT = Sorting.Fields.of(true, "start", "start", "title", "title",
            "status", "status", "capacity", "capacity");

    /** Which trainings a list shows; null leaves a condition out. Dates are local dates at the venue. */
    public record Filter(ProgrammeId programme, String region, LocalDate from, LocalDate to, TrainingStatus status) {
    }

    /** Trainings of a programme, within a region (venue at or below it), starting between two local dates, in a status. */
    public PageResponse<Training> list(Filter f, Sorting order, PageQuery page) {
        Access.Holding holding = access.visible(TrainingRights.TRAININGS_READ);
        List<Criteria> conditions = new ArrayList<>();
        if (!holding.everything()) {
            // The trainings the caller may read: of programmes organised inside their scope or held there; invited to.
            List<Criteria> seen = new ArrayList<>();
            holding.scope().ifPresent(scope -> {
                seen.add(Criteria.where("venueRegions").is(scope.value()));
                seen.add(Criteria.where("programmeId").in(programmesOrganisedIn(scope)));
            });
            holding.ownPartner().ifPresent(own -> seen.add(Criteria.where("invitations.partner.partnerId").is(own)));
            conditions.add(MongoPages.anyOf(seen));
        }
        if (f.programme() != null) {
            conditions.add(Criteria.where("programmeId").is(f.programme().value()));
        }
        if (f.region() != null) {
            conditions.add(Criteria.where("venueRegions").is(f.region()));
        }
        if (f.from() != null) {
            conditions.add(Criteria.where("localStartDate").gte(f.from().toString()));
        }
        if (f.to() != null) {
            conditions.add(Criteria.where("localStartDate").lte(f.to().toString()));
        }
        if (f.status() != null) {
            conditions.add(Criteria.where("status").is(f.status().name()));
        }
        Query query = Query.query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions));
        return MongoPages.find(mongo, query, COLLECTION, order, page, mapping::fromDocument);
    }

    /**
     * The trainings a KIM may enrol in now: scheduled, enrolment still open, of a programme whose target regions hold
     * the KIM's village, while training-service knows the KIM as VERIFIED or ACTIVE. Full ones are listed too (a
     * participant then waits for a seat).
     */
    public PageResponse<Training> openTo(String kimId, Sorting order, PageQuery page) {
        access.require(TrainingRights.KIM_PARTICIPATION_READ);
        KimDirectory.KnownKim kim = kims.find(kimId).orElseThrow(() -> new NotFoundException("KIM", kimId
                + " in training-service (it learns of KIMs from registry-service's events; a KIM registered a moment ago "
                + "arrives within seconds)"));
        access.require(TrainingRights.KIM_PARTICIPATION_READ, Subject.in(kim.villageCode()).kim(kimId));
        if (!kim.mayEnrol()) {
            return PageResponse.of(List.of(), page, 0);
        }
        Query programmesCovering = Query.query(new Criteria().orOperator(Criteria.where("targetRegions").size(0),
                Criteria.where("targetRegions").in(new RegionCode(kim.villageCode()).selfAndAncestors().stream().map(RegionCode::value).toList())));
        programmesCovering.fields().include("_id");
        List<String> programmeIds = mongo.find(programmesCovering, Document.class, "programmes").stream()
                .map(d -> d.getString("_id")).toList();
        Query query = Query.query(Criteria.where("programmeId").in(programmeIds).and("status").is(TrainingStatus.SCHEDULED.name())
                .and("enrolmentDeadline").gt(java.util.Date.from(now())));
        return MongoPages.find(mongo, query, COLLECTION, order, page, mapping::fromDocument);
    }

    /** An enrolment with the training it belongs to. */
    public record Placement(Training training, Enrolment enrolment) {
    }

    /** The sort fields of a KIM's enrolments; newest enrolment first by default. */
    public static final class EnrolmentOrder {
        public static final Sorting.Fields FIELDS = Sorting.Fields.of(false, "enrolledAt", "enrolledAt", "start", "start");

        private EnrolmentOrder() {
        }
    }

    /** The enrolments of a KIM's participants in every training, by status; {@code certified} keeps those with a certificate. */
    public PageResponse<Placement> enrolmentsOf(String kimId, Enrolment.Status status, boolean certified, Sorting order,
                                                PageQuery page) {
        access.require(TrainingRights.KIM_PARTICIPATION_READ);
        access.require(TrainingRights.KIM_PARTICIPATION_READ,
                Subject.in(kims.find(kimId).map(KimDirectory.KnownKim::villageCode).orElse(null)).kim(kimId));
        Query query = Query.query(Criteria.where("enrolments.kimId").is(kimId));
        List<Placement> all = mongo.find(query, Document.class, COLLECTION).stream().map(mapping::fromDocument)
                .flatMap(t -> t.enrolments().stream().filter(e -> e.kimId().equals(kimId))
                        .filter(e -> status == null || e.status() == status)
                        .filter(e -> !certified || e.certificateCode() != null)
                        .map(e -> new Placement(t, e)))
                .sorted(order.comparator((Placement p, String field) -> switch (field) {
                    case "start" -> p.training().schedule().start();
                    default -> p.enrolment().enrolledAt();
                }, p -> p.enrolment().id().value()))
                .toList();
        return PageResponse.slice(all, page);
    }

    /** An invitation with the training it is for. */
    public record PartnerInvitation(Training training, Invitation invitation) {
    }

    /** The sort fields of a partner's invitations; newest first by default. */
    public static final class InvitationOrder {
        public static final Sorting.Fields FIELDS = Sorting.Fields.of(false, "invitedAt", "invitedAt", "start", "start");

        private InvitationOrder() {
        }
    }

    /** The invitations a partner received, by status. */
    public PageResponse<PartnerInvitation> invitationsOf(PartnerId partnerId, Invitation.Status status, Sorting order,
                                                         PageQuery page) {
        access.require(TrainingRights.PARTNER_INVITATIONS_READ);
        Partner partner = partners.get(partnerId);
        access.require(TrainingRights.PARTNER_INVITATIONS_READ, Subject.in(partner.regionCode()).partner(partnerId.value()));
        Query query = Query.query(Criteria.where("invitations.partner.partnerId").is(partnerId.value()));
        List<PartnerInvitation> all = mongo.find(query, Document.class, COLLECTION).stream().map(mapping::fromDocument)
                .flatMap(t -> t.invitations().stream().filter(i -> i.partner().partnerId().equals(partnerId.value()))
                        .filter(i -> status == null || i.status() == status)
                        .map(i -> new PartnerInvitation(t, i)))
                .sorted(order.comparator((PartnerInvitation p, String field) -> switch (field) {
                    case "start" -> p.training().schedule().start();
                    default -> p.invitation().invitedAt();
                }, p -> p.invitation().id().value()))
                .toList();
        return PageResponse.slice(all, page);
    }

    /**
     * Applies a command to the current training and stores it with its events; retried on a concurrent change
     * unless the client named the version it read (If-Match), which then no longer matches.
     */
    private Training change(TrainingId id, Long expectedVersion, Function<Training, List<Object>> command) {
        return change(id, expectedVersion, null, command);
    }

    /**
     * Applies {@code command} to the training and stores it with its events, retrying when someone else stored it
     * meanwhile; when {@code right} is named, the caller must hold it for the training's programme (its manager, or
     * the ministry), checked on the training as loaded and before anything else about it.
     */
    private Training change(TrainingId id, Long expectedVersion, String right, Function<Training, List<Object>> command) {
        if (right != null) {
            access.require(right);
        }
        ReentrantLock lock = lock(id);
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                Training training = load(id);
                if (right != null) {
                    access.require(right, organiser(training));
                }
                if (expectedVersion != null && training.version() != expectedVersion) {
                    throw new StaleException(expectedVersion, training.version());
                }
                long before = training.version();
                List<Object> events = command.apply(training);
                if (events.isEmpty()) {
                    return training;
                }
                training.recorded(step(events));
                try {
                    trainings.update(training, before, events);
                    return training;
                } catch (OptimisticLockingFailureException changedElsewhere) {
                    if (expectedVersion != null || attempt == ATTEMPTS) {
                        throw new StaleException(before, load(id).version());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The step of the history a change makes: now, the events it caused, and its actor. */
    private TrainingStep step(List<Object> events) {
        java.util.Optional<id.simpul.platform.Actor> actor = id.simpul.platform.Actor.current();
        return new TrainingStep(now(), events.stream().map(e -> e.getClass().getSimpleName()).toList(),
                actor.map(id.simpul.platform.Actor::id).orElse(null), actor.map(id.simpul.platform.Actor::roles).orElse(List.of()),
                actor.map(id.simpul.platform.Actor::regionScope).orElse(null));
    }

    /** Books (or moves) every speaker for the training at {@code at}; puts back what it did when one is not free. */
    private void bookAll(List<Training.Booking> booked, Training training, Schedule at) {
        String trainingId = training.id().value();
        Map<String, Optional<Schedule>> before = new LinkedHashMap<>();
        try {
            for (Training.Booking b : booked) {
                before.put(b.key(), schedule(b.key()).bookingOf(trainingId).map(SpeakerSchedule.Booking::schedule));
                updateSchedule(b.key(), s -> s.book(trainingId, training.title(), at));
            }
        } catch (SpeakerConflictException conflict) {
            before.forEach((key, previous) -> updateSchedule(key, s -> previous.ifPresentOrElse(
                    p -> s.book(trainingId, training.title(), p), () -> s.release(trainingId))));
            throw conflict;
        }
    }

    private SpeakerSchedule schedule(String key) {
        return speakers.findById(key).orElse(SpeakerSchedule.empty(key));
    }

    /** Changes one speaker's schedule, which is one document: concurrent bookings of the same person retry. */
    private void updateSchedule(String key, Consumer<SpeakerSchedule> change) {
        for (int attempt = 1; ; attempt++) {
            SpeakerSchedule schedule = schedule(key);
            long before = schedule.version();
            change.accept(schedule);
            if (schedule.version() == before) {
                return;
            }
            try {
                if (before == 0) {
                    speakers.insert(schedule, List.of());
                } else {
                    speakers.update(schedule, before, List.of());
                }
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    private List<String> programmesOrganisedIn(RegionCode scope) {
        return programmes.organisedIn(scope);
    }

    private Training load(TrainingId id) {
        return trainings.findById(id.value()).orElseThrow(() -> new NotFoundException("training", id.value()));
    }

    private TrainingId trainingOfInvitation(InvitationId invitationId) {
        return trainingOf("invitations.id", invitationId.value(), "invitation");
    }

    private TrainingId trainingOf(String field, String value, String what) {
        Query query = Query.query(Criteria.where(field).is(value));
        query.fields().include("_id");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        if (d == null) {
            throw new NotFoundException(what, value);
        }
        return new TrainingId(d.getString("_id"));
    }

    private ReentrantLock lock(TrainingId id) {
        return locks[Math.floorMod(id.value().hashCode(), locks.length)];
    }

    private String regencyName(String villageCode) {
        String regency = new RegionCode(villageCode).regency().value();
        return regions.find(regency).map(Region::name).orElse(regency);
    }

    /** A certificate verification code: ten characters that are not easily confused (no 0/O, 1/I). */
    private String certificateCode() {
        StringBuilder code = new StringBuilder("KIM-");
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
