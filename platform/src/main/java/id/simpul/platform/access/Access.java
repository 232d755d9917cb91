package id.simpul.platform.access;

import id.simpul.platform.Actor;
import id.simpul.platform.Problems;
import id.simpul.regions.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check of docs/access.md on the {@link Actor} of the request, made by the application services so that every
 * path (the API, the import, the seeds) goes through it. Anonymous callers are refused with {@code 401} (but for
 * public rights while public reads are open), signed-in callers without the right with {@code 403} naming the missing
 * right, and its scope where they hold it only inside one. Simpul itself ({@link Actor#system}) holds every right.
 * Every refusal is logged as a structured entry (logger {@code simpul.access}).
 */
public final class Access {

    private static final Logger log = LoggerFactory.getLogger("simpul.access");

    private final Rights rights;
    private final boolean publicReads;

    public Access(Collection<Rights> rights, boolean publicReads) {
        this.rights = Rights.merged(rights);
        this.publicReads = publicReads;
    }

    public Rights rights() {
        return rights;
    }

    public boolean publicReads() {
        return publicReads;
    }

    /**
     * That the caller holds {@code rightName} at all, for some resource: what the edge checks before it reads a
     * request's body. Answers how far the caller holds it.
     */
    public Holding require(String rightName) {
        Right right = right(rightName);
        Optional<Actor> actor = Actor.current();
        if (actor.isEmpty()) {
            if (right.isPublic() && publicReads) {
                return new Holding(right, null, Map.of(), true);
            }
            throw refused(right, null, HttpStatus.UNAUTHORIZED, "Sign in to call this: it needs the right " + right.name() + ".", null);
        }
        Holding holding = holding(right, actor.get());
        if (!holding.everything() && holding.grants().isEmpty()) {
            throw refused(right, actor.get(), HttpStatus.FORBIDDEN, "You do not hold the right " + right.name() + ".", right.name());
        }
        return holding;
    }

    /** That the caller holds {@code rightName} for {@code subject}. */
    public void require(String rightName, Subject subject) {
        Holding holding = require(rightName);
        if (holding.allows(subject)) {
            return;
        }
        Actor actor = holding.actor();
        String region = subject.regionCode().map(RegionCode::value).orElse(subject.ownedBy() != null || subject.kimId() != null
                || subject.partnerId() != null ? "someone else's" : "the whole country");
        String scope = actor.regionScope().isEmpty() ? "the whole country" : actor.regionScope();
        List<String> why = new ArrayList<>();
        holding.grants().forEach((role, grant) -> why.add(switch (grant) {
            case SCOPE -> "as " + role + " inside your region scope " + scope + " only";
            case FOUR_EYES -> subject.submittedBy() != null && subject.submittedBy().equals(actor.id()) && holding.scopeAllows(subject)
                    ? "as " + role + " not for what you submitted yourself (four eyes)"
                    : "as " + role + " inside your region scope " + scope + " only";
            case OWN -> "as " + role + " for your own " + (subject.kimId() != null ? "KIM" : subject.partnerId() != null ? "partner" : "work") + " only";
            case ALL -> "as " + role;
        }));
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "You hold the right " + right(rightName).name() + " " + String.join(", ", why)
                + "; this is in " + region + ".");
        problem.setProperty("missingRight", rightName + " in " + region);
        problem.setProperty("regionScope", actor.regionScope());
        logRefusal(right(rightName), actor, 403, problem.getDetail());
        throw Problems.exception(problem);
    }

    /**
     * That the caller holds {@code rightName} for at least one of {@code subjects}: for a resource seen from several
     * sides (a training by its organiser's region, its venue and its invited partners). Refused as for the first.
     */
    public void requireAny(String rightName, List<Subject> subjects) {
        Holding holding = require(rightName);
        if (subjects.stream().noneMatch(holding::allows)) {
            require(rightName, subjects.isEmpty() ? Subject.in((RegionCode) null) : subjects.getFirst());
        }
    }

    /** A refusal (403) of {@code rightName} for a reason the table's cell gives, logged as every refusal is. */
    public ErrorResponseException forbidden(String rightName, String detail) {
        return refused(right(rightName), Actor.current().orElse(null), HttpStatus.FORBIDDEN, detail, rightName);
    }

    /** What the caller may see of the resources {@code rightName} guards, for lists: refused as {@link #require(String)}. */
    public Holding visible(String rightName) {
        return require(rightName);
    }

    private Right right(String name) {
        return rights.named(name).orElseThrow(() -> new IllegalStateException("No right " + name + " is defined"));
    }

    private static Holding holding(Right right, Actor actor) {
        if (actor.isSystem()) {
            return new Holding(right, actor, Map.of(), true);
        }
        Map<Role, Grant> grants = new EnumMap<>(Role.class);
        for (String name : actor.roles()) {
            role(name).flatMap(right::grantOf).ifPresent(grant -> grants.put(role(name).orElseThrow(), grant));
        }
        return new Holding(right, actor, grants, grants.containsValue(Grant.ALL)
                || (grants.containsValue(Grant.SCOPE) && actor.regionScope().isEmpty()));
    }

    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static ErrorResponseException refused(Right right, Actor actor, HttpStatus status, String detail, String missing) {
        ProblemDetail problem = problem(status, detail);
        if (missing != null) {
            problem.setProperty("missingRight", missing);
        }
        logRefusal(right, actor, status.value(), detail);
        ErrorResponseException refusal = Problems.exception(problem);
        if (status == HttpStatus.UNAUTHORIZED) {
            refusal.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return refusal;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return status == HttpStatus.UNAUTHORIZED
                ? Problems.of(status, "unauthorized", "Not signed in", detail)
                : Problems.of(status, "forbidden", "Forbidden", detail);
    }

    /**
     * One entry per refusal: the pairs as key-value pairs of the event (JSON fields with
     * {@code logging.structured.format.*}) and, for the plain log, in its message as {@code key=value}.
     */
    private static void logRefusal(Right right, Actor actor, int status, String detail) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("status", status);
        fields.put("right", right.name());
        fields.put("actor", actor == null ? "anonymous" : actor.id());
        fields.put("roles", actor == null ? List.of() : actor.roles());
        fields.put("regionScope", actor == null ? "" : actor.regionScope());
        fields.put("detail", detail);
        org.slf4j.spi.LoggingEventBuilder entry = log.atInfo();
        fields.forEach(entry::addKeyValue);
        entry.setMessage("access refused " + fields.entrySet().stream().map(f -> f.getKey() + "=" + quoted(f.getValue()))
                .collect(java.util.stream.Collectors.joining(" "))).log();
    }

    private static String quoted(Object value) {
        String text = String.valueOf(value);
        return text.matches("[^\\s\"]*") ? text : "\"" + text.replace("\"", "'") + "\"";
    }

    /**
     * How far the caller holds a right: everything (a role with {@code yes}, a scope role of national scope, Simpul
     * itself), or the grants of their roles; {@code anonymous} when public and nobody signed in.
     */
    public record Holding(Right right, Actor actor, Map<Role, Grant> grants, boolean everything) {

        /** Whether the caller may act on {@code subject}. */
        public boolean allows(Subject subject) {
            if (everything) {
                return true;
            }
            for (Grant grant : grants.values()) {
                boolean allowed = switch (grant) {
                    case ALL -> true;
                    case SCOPE -> scopeAllows(subject);
                    case FOUR_EYES -> scopeAllows(subject) && !actor.id().equals(subject.submittedBy());
                    case OWN -> subject.kimId() != null && subject.kimId().equals(actor.kimId())
                            || subject.partnerId() != null && subject.partnerId().equals(actor.partnerId())
                            || subject.ownedBy() != null && subject.ownedBy().equals(actor.id());
                };
                if (allowed) {
                    return true;
                }
            }
            return false;
        }

        boolean scopeAllows(Subject subject) {
            return Subject.within(subject.region(), actor.regionScope());
        }

        /** The region scope the caller sees inside, when they see only inside one (a scope or four-eyes grant). */
        public Optional<RegionCode> scope() {
            if (everything || !(grants.containsValue(Grant.SCOPE) || grants.containsValue(Grant.FOUR_EYES))) {
                return Optional.empty();
            }
            return RegionCode.parse(actor.regionScope());
        }

        /** Whether the caller sees inside a region scope (then {@link #scope()} names it, or is empty for a bad one). */
        public boolean scoped() {
            return !everything && (grants.containsValue(Grant.SCOPE) || grants.containsValue(Grant.FOUR_EYES));
        }

        /** Their own KIM, when an own grant lets them see it. */
        public Optional<String> ownKim() {
            return !everything && grants.containsValue(Grant.OWN) ? Optional.ofNullable(actor.kimId()) : Optional.empty();
        }

        /** Their own partner, when an own grant lets them see it. */
        public Optional<String> ownPartner() {
            return !everything && grants.containsValue(Grant.OWN) ? Optional.ofNullable(actor.partnerId()) : Optional.empty();
        }
    }
}
