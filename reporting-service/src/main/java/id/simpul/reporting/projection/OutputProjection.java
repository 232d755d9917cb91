package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

/** One document per output a KIM reported: its programme, training, KIM and village, channel and reach. */
@Component
class OutputProjection {

    private final Places places;

    OutputProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.OutputReported event) {
        places.requireVillage(event.villageCode(), "Output " + event.outputId());
    }

    boolean reported(Document output, Payloads.OutputReported event) {
        if (!Stamps.claim(output, "output", event.version())) {
            return false;
        }
        output.put("programmeId", event.programmeId());
        output.put("trainingId", event.trainingId());
        output.put("kimId", event.kimId());
        places.putVillage(output, event.villageCode(), "Output " + event.outputId());
        output.put("channel", event.channel());
        output.put("url", event.url());
        output.put("publishedOn", event.publishedOn());
        output.put("peopleReached", event.peopleReached());
        output.put("reportedAt", Stamps.date(event.reportedAt()));
        Stamps.seen(output, event.version());
        return true;
    }
}
