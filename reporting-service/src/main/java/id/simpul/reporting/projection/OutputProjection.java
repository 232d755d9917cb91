package id.simpul.reporting.projection;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * One row per output a KIM reported ({@link Rows.Output}): its programme, training, KIM and village; its channel
 * and reach as last corrected (stamped with the version that set them); and whether it was withdrawn, after which it
 * counts nowhere. No event brings a withdrawn output back, so a withdrawal stands whatever order the events come in.
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

    Rows.Output reported(Rows.Output output, Payloads.OutputReported event) {
        Rows.Output next = identity(output, event.programmeId(), event.trainingId(), event.kimId(), event.villageCode());
        next = next.withReportedAt(Stamps.earliest(next.reportedAt(), event.reportedAt()));
        return values(next, event.version(), event.channel(), event.url(), event.publishedOn(), event.peopleReached());
    }

    Rows.Output corrected(Rows.Output output, Payloads.OutputCorrected event) {
        Rows.Output next = identity(output, event.programmeId(), event.trainingId(), event.kimId(), event.villageCode());
        return values(next, event.version(), event.channel(), event.url(), event.publishedOn(), event.peopleReached());
    }

    Rows.Output withdrawn(Rows.Output output, Payloads.OutputWithdrawn event) {
        Rows.Output next = identity(output, event.programmeId(), event.trainingId(), event.kimId(), event.villageCode());
        Map<String, Long> stamps = new HashMap<>(next.stamps());
        if (Stamps.claim(stamps, WITHDRAWAL, event.version())) {
            next = next.withWithdrawal(event.withdrawnAt());
        }
        return next.withVersions(Stamps.seen(next.version(), event.version()), stamps);
    }

    /** Where the output belongs; every event of an output carries the same. */
    private Rows.Output identity(Rows.Output output, String programmeId, String trainingId, String kimId, String villageCode) {
        if (output.programmeId() != null) {
            return output;
        }
        return output.withIdentity(programmeId, trainingId, kimId, places.place(villageCode, "Output " + output.id()));
    }

    private static Rows.Output values(Rows.Output output, long version, String channel, String url, String publishedOn,
                                      long peopleReached) {
        Map<String, Long> stamps = new HashMap<>(output.stamps());
        Rows.Output next = Stamps.claim(stamps, VALUES, version)
                ? output.withValues(channel, url, publishedOn, peopleReached) : output;
        return next.withVersions(Stamps.seen(output.version(), version), stamps);
    }
}
