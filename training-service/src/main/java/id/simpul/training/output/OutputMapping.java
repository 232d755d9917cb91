package id.simpul.training.output;

import id.simpul.eventing.AggregateMapping;
import id.simpul.training.common.RegionPaths;
import id.simpul.training.programme.ProgrammeId;
import org.bson.Document;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/** The stored shape of an output in {@code outputs}. */
class OutputMapping implements AggregateMapping<Output> {

    /** The KIM's village and the regions above it (see {@link RegionPaths}). */
    static final String VILLAGE_PATH = "villagePath";

    @Override
    public String id(Output o) {
        return o.id().value();
    }

    @Override
    public long version(Output o) {
        return o.version();
    }

    @Override
    public Document toDocument(Output o) {
        return new Document("programmeId", o.programmeId().value()).append("trainingId", o.trainingId())
                .append("kimId", o.kimId()).append("villageCode", o.villageCode())
                .append(VILLAGE_PATH, RegionPaths.of(o.villageCode())).append("channel", o.channel().name())
                .append("url", o.url()).append("publishedOn", Date.from(o.publishedOn().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .append("peopleReached", o.peopleReached()).append("description", o.description())
                .append("reportedAt", Date.from(o.reportedAt()))
                .append("status", o.status().name())
                .append("withdrawal", o.withdrawal() == null ? null
                        : new Document("reason", o.withdrawal().reason()).append("at", Date.from(o.withdrawal().at())));
    }

    @Override
    public Output fromDocument(Document d) {
        return Output.restore(new OutputId(d.getString("_id")), new ProgrammeId(d.getString("programmeId")),
                d.getString("trainingId"), d.getString("kimId"), d.getString("villageCode"), Channel.valueOf(d.getString("channel")),
                d.getString("url"), LocalDate.ofInstant(d.getDate("publishedOn").toInstant(), ZoneOffset.UTC),
                ((Number) d.get("peopleReached")).longValue(), d.getString("description"), d.getDate("reportedAt").toInstant(),
                withdrawal(d.get("withdrawal", Document.class)), d.getLong("version"));
    }

    private static Output.Withdrawal withdrawal(Document w) {
        return w == null ? null : new Output.Withdrawal(w.getString("reason"), w.getDate("at").toInstant());
    }
}
