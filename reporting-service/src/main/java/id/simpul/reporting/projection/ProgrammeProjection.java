package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

/** One document per programme: its theme, period, target regions and targets. */
@Component
class ProgrammeProjection {

    private final Places places;

    ProgrammeProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.ProgrammeCreated event) {
        places.requireAll(event.targetRegions(), "Programme " + event.programmeId());
    }

    boolean created(Document programme, Payloads.ProgrammeCreated event) {
        if (!Stamps.claim(programme, "programme", event.version())) {
            return false;
        }
        Payloads.Targets targets = event.targets();
        programme.put("title", event.title());
        programme.put("theme", event.theme());
        programme.put("organiser", event.organiser() == null ? null
                : new Document("level", event.organiser().level()).append("name", event.organiser().name()));
        programme.put("periodStart", event.periodStart());
        programme.put("periodEnd", event.periodEnd());
        programme.put("targetRegions", event.targetRegions());
        programme.put("targets", new Document("trainings", targets.trainings()).append("kimsTrained", targets.kimsTrained())
                .append("outputs", targets.outputs()).append("peopleReached", targets.peopleReached()));
        programme.put("createdAt", Stamps.date(event.createdAt()));
        Stamps.seen(programme, event.version());
        return true;
    }
}
