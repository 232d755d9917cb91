package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One document per programme: its organiser and creation, and the details a correction can change (title, theme,
 * period, target regions, targets), stamped with the version that last set them.
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

    boolean created(Document programme, Payloads.ProgrammeCreated event) {
        boolean changed = Stamps.earliest(programme, "createdAt", event.createdAt());
        if (!programme.containsKey("organiser")) {
            programme.put("organiser", event.organiser() == null ? null
                    : new Document("level", event.organiser().level()).append("name", event.organiser().name()));
            changed = true;
        }
        return details(programme, event.version(), event.details()) | changed;
    }

    boolean updated(Document programme, Payloads.ProgrammeUpdated event) {
        return details(programme, event.version(), event.details());
    }

    private static boolean details(Document programme, long version, Payloads.ProgrammeDetails details) {
        boolean changed = Stamps.seen(programme, version);
        Payloads.Targets targets = details.targets();
        return Stamps.set(programme, DETAILS, version, new Document("title", details.title())
                .append("theme", details.theme())
                .append("periodStart", details.periodStart())
                .append("periodEnd", details.periodEnd())
                .append("targetRegions", details.targetRegions())
                .append("targets", new Document("trainings", targets.trainings()).append("kimsTrained", targets.kimsTrained())
                        .append("outputs", targets.outputs()).append("peopleReached", targets.peopleReached()))) | changed;
    }
}
