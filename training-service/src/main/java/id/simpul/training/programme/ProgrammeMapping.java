package id.simpul.training.programme;

import id.simpul.eventing.AggregateMapping;
import id.simpul.training.common.RegionPaths;
import org.bson.Document;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

/** The stored shape of a programme in the {@code programmes} collection. */
class ProgrammeMapping implements AggregateMapping<Programme> {

    /** The organiser's region and those above it (see {@link RegionPaths}); none for the ministry. */
    static final String ORGANISER_PATH = "organiser.regionPath";

    @Override
    public String id(Programme p) {
        return p.id().value();
    }

    @Override
    public long version(Programme p) {
        return p.version();
    }

    @Override
    public Document toDocument(Programme p) {
        return new Document("title", p.title())
                .append("theme", p.theme())
                .append("organiser", new Document("level", p.organiser().level().name())
                        .append("regionCode", p.organiser().regionCode())
                        .append("regionPath", RegionPaths.of(p.organiser().regionCode())).append("name", p.organiser().name()))
                .append("periodStart", date(p.periodStart()))
                .append("periodEnd", date(p.periodEnd()))
                .append("targetRegions", p.targetRegions())
                .append("targets", new Document("trainings", p.targets().trainings()).append("kimsTrained", p.targets().kimsTrained())
                        .append("outputs", p.targets().outputs()).append("peopleReached", p.targets().peopleReached()))
                .append("createdAt", Date.from(p.createdAt()));
    }

    @Override
    public Programme fromDocument(Document d) {
        Document o = d.get("organiser", Document.class);
        Document t = d.get("targets", Document.class);
        return Programme.restore(new ProgrammeId(d.getString("_id")), d.getString("title"), d.getString("theme"),
                new Organiser(Organiser.Level.valueOf(o.getString("level")), o.getString("regionCode"), o.getString("name")),
                date(d.getDate("periodStart")), date(d.getDate("periodEnd")), d.getList("targetRegions", String.class, List.of()),
                new Targets(t.getInteger("trainings"), t.getInteger("kimsTrained"), t.getInteger("outputs"), t.getInteger("peopleReached")),
                d.getDate("createdAt").toInstant(), d.getLong("version"));
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static LocalDate date(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }
}
