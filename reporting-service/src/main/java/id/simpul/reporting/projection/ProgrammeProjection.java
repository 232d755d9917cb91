package id.simpul.reporting.projection;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * One row per programme ({@link Rows.Programme}): its organiser and creation, and the details a correction can
 * change (title, theme, period, target regions, targets), stamped with the version that last set them.
 */
@Component
class ProgrammeProjection {

    private static final String DETAILS = "programme";

    private final Places places;

    ProgrammeProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.ProgrammeCreated event) {
        places.requireAll(event.details().targetRegions(), "Programme " + event.programmeId());
    }

    void check(Payloads.ProgrammeUpdated event) {
        places.requireAll(event.details().targetRegions(), "Programme " + event.programmeId());
    }

    Rows.Programme created(Rows.Programme programme, Payloads.ProgrammeCreated event) {
        // The organiser comes with the creation only, and never changes.
        Rows.Organiser organiser = programme.created() || event.organiser() == null ? programme.organiser()
                : new Rows.Organiser(event.organiser().level(), event.organiser().name());
        return details(programme.withCreation(organiser, Stamps.earliest(programme.createdAt(), event.createdAt())),
                event.version(), event.details());
    }

    Rows.Programme updated(Rows.Programme programme, Payloads.ProgrammeUpdated event) {
        return details(programme, event.version(), event.details());
    }

    private static Rows.Programme details(Rows.Programme programme, long version, Payloads.ProgrammeDetails details) {
        Map<String, Long> stamps = new HashMap<>(programme.stamps());
        Rows.Programme next = programme;
        if (Stamps.claim(stamps, DETAILS, version)) {
            Payloads.Targets targets = details.targets();
            next = programme.withDetails(details.title(), details.theme(), details.periodStart(), details.periodEnd(),
                    details.targetRegions(), new Rows.Targets(wide(targets.trainings()), wide(targets.kimsTrained()),
                            wide(targets.outputs()), targets.peopleReached()));
        }
        return next.withVersions(Stamps.seen(programme.version(), version), stamps);
    }

    private static Long wide(Integer value) {
        return value == null ? null : value.longValue();
    }
}
