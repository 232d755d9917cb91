package id.simpul.training.output;

import id.simpul.training.common.StateException;
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
    private final Withdrawal withdrawal;
    private final long version;

    /** REPORTED outputs count toward their programme; WITHDRAWN ones stay on record only. */
    public enum Status {
        REPORTED, WITHDRAWN
    }

    public Status status() {
        return withdrawal == null ? Status.REPORTED : Status.WITHDRAWN;
    }

    /** Why and when an output stopped counting. */
    public record Withdrawal(String reason, Instant at) {
    }

    private Output(OutputId id, ProgrammeId programmeId, String trainingId, String kimId, String villageCode, Channel channel,
                   String url, LocalDate publishedOn, long peopleReached, String description, Instant reportedAt,
                   Withdrawal withdrawal, long version) {
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
        this.withdrawal = withdrawal;
        this.version = version;
    }

    public record Report(Output output, OutputReported event) {
    }

    /** Reports an output of a KIM that attended {@code trainingId} of the programme (the caller checks that). */
    public static Report report(OutputId id, ProgrammeId programmeId, String trainingId, String kimId, String villageCode,
                                Channel channel, String url, LocalDate publishedOn, long peopleReached, String description,
                                Instant now) {
        Output output = new Output(id, programmeId, trainingId, kimId, villageCode, channel, url, publishedOn, peopleReached,
                description, now, null, 1);
        return new Report(output, new OutputReported(id, 1, programmeId, trainingId, kimId, villageCode, channel, url,
                publishedOn, peopleReached, now));
    }

    /** What a correction sets; null leaves a field as it is. */
    public record Correction(Channel channel, String url, LocalDate publishedOn, Long peopleReached, String description) {
    }

    public record Corrected(Output output, OutputCorrected event) {
    }

    /**
     * The output as corrected (its dates checked by the caller), with its event; empty when nothing changes. A
     * withdrawn output is not corrected: it is reported again.
     */
    public java.util.Optional<Corrected> correct(Correction c, String reason, Instant now) {
        requireCounting("corrected");
        Output next = new Output(id, programmeId, trainingId, kimId, villageCode,
                c.channel() == null ? channel : c.channel(), c.url() == null ? url : c.url(),
                c.publishedOn() == null ? publishedOn : c.publishedOn(),
                c.peopleReached() == null ? peopleReached : c.peopleReached(),
                c.description() == null ? description : c.description(), reportedAt, null, version + 1);
        if (next.channel == channel && java.util.Objects.equals(next.url, url) && next.publishedOn.equals(publishedOn)
                && next.peopleReached == peopleReached && java.util.Objects.equals(next.description, description)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Corrected(next, new OutputCorrected(id, next.version, programmeId, trainingId, kimId,
                villageCode, next.channel, next.url, next.publishedOn, next.peopleReached, reason.strip(), now)));
    }

    public record Withdrawn(Output output, OutputWithdrawn event) {
    }

    /** The output stops counting toward its programme; it stays on record with the reason. */
    public Withdrawn withdraw(String reason, Instant now) {
        requireCounting("withdrawn");
        Output next = new Output(id, programmeId, trainingId, kimId, villageCode, channel, url, publishedOn, peopleReached,
                description, reportedAt, new Withdrawal(reason.strip(), now), version + 1);
        return new Withdrawn(next, new OutputWithdrawn(id, next.version, programmeId, trainingId, kimId, villageCode,
                reason.strip(), now));
    }

    private void requireCounting(String action) {
        if (withdrawal != null) {
            throw new StateException("The output was withdrawn on " + withdrawal.at() + " (" + withdrawal.reason()
                    + ") and cannot be " + action + "; report it again if it counts");
        }
    }

    public static Output restore(OutputId id, ProgrammeId programmeId, String trainingId, String kimId, String villageCode,
                                 Channel channel, String url, LocalDate publishedOn, long peopleReached, String description,
                                 Instant reportedAt, Withdrawal withdrawal, long version) {
        return new Output(id, programmeId, trainingId, kimId, villageCode, channel, url, publishedOn, peopleReached,
                description, reportedAt, withdrawal, version);
    }

    /** Null while the output counts. */
    public Withdrawal withdrawal() {
        return withdrawal;
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
