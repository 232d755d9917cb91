package id.simpul.training.output;

import id.simpul.training.programme.ProgrammeId;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a KIM disseminated after its training (a post, a radio talk, a village meeting): the "clear output" that
 * counts toward the programme's targets.
 */
@AggregateRoot
public final class Output {

    @Identity
    private final OutputId id;
    private final ProgrammeId programmeId;
    private final String trainingId;
    private final String kimId;
    private final String villageCode;
    private final Channel channel;
    private final String url;
    private final LocalDate publishedOn;
    private final long peopleReached;
    private final String description;
    private final Instant reportedAt;
    private final long version;

    private Output(OutputId id, ProgrammeId programmeId, String trainingId, String kimId, String villageCode, Channel channel,
                   String url, LocalDate publishedOn, long peopleReached, String description, Instant reportedAt, long version) {
        this.id = id;
        this.programmeId = programmeId;
        this.trainingId = trainingId;
        this.kimId = kimId;
        this.villageCode = villageCode;
        this.channel = channel;
        this.url = url;
        this.publishedOn = publishedOn;
        this.peopleReached = peopleReached;
        this.description = description;
        this.reportedAt = reportedAt;
        this.version = version;
    }

    public record Report(Output output, OutputReported event) {
    }

    /** Reports an output of a KIM that attended {@code trainingId} of the programme (the caller checks that). */
    public static Report report(OutputId id, ProgrammeId programmeId, String trainingId, String kimId, String villageCode,
                                Channel channel, String url, LocalDate publishedOn, long peopleReached, String description,
                                Instant now) {
        Output output = new Output(id, programmeId, trainingId, kimId, villageCode, channel, url, publishedOn, peopleReached,
                description, now, 1);
        return new Report(output, new OutputReported(id, 1, programmeId, trainingId, kimId, villageCode, channel, url,
                publishedOn, peopleReached, now));
    }

    public static Output restore(OutputId id, ProgrammeId programmeId, String trainingId, String kimId, String villageCode,
                                 Channel channel, String url, LocalDate publishedOn, long peopleReached, String description,
                                 Instant reportedAt, long version) {
        return new Output(id, programmeId, trainingId, kimId, villageCode, channel, url, publishedOn, peopleReached,
                description, reportedAt, version);
    }

    public OutputId id() {
        return id;
    }

    public ProgrammeId programmeId() {
        return programmeId;
    }

    public String trainingId() {
        return trainingId;
    }

    public String kimId() {
        return kimId;
    }

    public String villageCode() {
        return villageCode;
    }

    public Channel channel() {
        return channel;
    }

    public String url() {
        return url;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    public long peopleReached() {
        return peopleReached;
    }

    public String description() {
        return description;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public long version() {
        return version;
    }
}
