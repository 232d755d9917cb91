package id.simpul.reporting.projection;

import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * One document per output a KIM reported: its programme, training, KIM and village; its channel and reach as last
 * corrected (stamped with the version that set them); and whether it was withdrawn, after which it counts nowhere.
 * No event brings a withdrawn output back, so a withdrawal stands whatever order the events come in.
 */
@Component
class OutputProjection {

    private static final String VALUES = "output";
    private static final String WITHDRAWAL = "withdrawal";

    private final Places places;

    OutputProjection(Places places) {
        this.places = places;
    }

    void check(Payloads.OutputReported event) {
        places.requireVillage(event.villageCode(), "Output " + event.outputId());
    }

    void check(Payloads.OutputCorrected event) {
        places.requireVillage(event.villageCode(), "Output " + event.outputId());
    }

    void check(Payloads.OutputWithdrawn event) {
        places.requireVillage(event.villageCode(), "Output " + event.outputId());
    }

    boolean reported(Document output, Payloads.OutputReported event) {
        boolean changed = identity(output, event.programmeId(), event.trainingId(), event.kimId(), event.villageCode());
        changed |= Stamps.earliest(output, "reportedAt", event.reportedAt());
        return values(output, event.version(), event.channel(), event.url(), event.publishedOn(), event.peopleReached())
                | changed;
    }

    boolean corrected(Document output, Payloads.OutputCorrected event) {
        boolean changed = identity(output, event.programmeId(), event.trainingId(), event.kimId(), event.villageCode());
        return values(output, event.version(), event.channel(), event.url(), event.publishedOn(), event.peopleReached())
                | changed;
    }

    boolean withdrawn(Document output, Payloads.OutputWithdrawn event) {
        boolean changed = identity(output, event.programmeId(), event.trainingId(), event.kimId(), event.villageCode());
        changed |= Stamps.seen(output, event.version());
        return Stamps.set(output, WITHDRAWAL, event.version(), new Document("withdrawn", true)
                .append("withdrawnAt", Stamps.date(event.withdrawnAt()))) | changed;
    }

    /** Where the output belongs; every event of an output carries the same. */
    private boolean identity(Document output, String programmeId, String trainingId, String kimId, String villageCode) {
        if (output.containsKey("programmeId")) {
            return false;
        }
        output.put("programmeId", programmeId);
        output.put("trainingId", trainingId);
        output.put("kimId", kimId);
        places.putVillage(output, villageCode, "Output " + output.get("_id"));
        return true;
    }

    private static boolean values(Document output, long version, String channel, String url, String publishedOn,
                                  long peopleReached) {
        boolean changed = Stamps.seen(output, version);
        return Stamps.set(output, VALUES, version, new Document("channel", channel).append("url", url)
                .append("publishedOn", publishedOn).append("peopleReached", peopleReached)) | changed;
    }
}
