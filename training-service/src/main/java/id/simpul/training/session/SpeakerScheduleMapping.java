package id.simpul.training.session;

import id.simpul.eventing.AggregateMapping;
import id.simpul.regions.IndonesianTimeZone;
import org.bson.Document;

import java.util.Date;
import java.util.List;

/** The stored shape of a speaker's schedule in {@code speaker_schedules}; its id is the speaker key. */
class SpeakerScheduleMapping implements AggregateMapping<SpeakerSchedule> {

    @Override
    public String id(SpeakerSchedule s) {
        return s.speakerKey();
    }

    @Override
    public long version(SpeakerSchedule s) {
        return s.version();
    }

    @Override
    public Document toDocument(SpeakerSchedule s) {
        return new Document("bookings", s.bookings().stream().map(b -> new Document("trainingId", b.trainingId())
                .append("title", b.title()).append("start", Date.from(b.start())).append("end", Date.from(b.end()))
                .append("timeZone", b.timeZone().name())).toList());
    }

    @Override
    public SpeakerSchedule fromDocument(Document d) {
        return SpeakerSchedule.restore(d.getString("_id"), d.getList("bookings", Document.class, List.of()).stream()
                .map(b -> new SpeakerSchedule.Booking(b.getString("trainingId"), b.getString("title"),
                        b.getDate("start").toInstant(), b.getDate("end").toInstant(),
                        IndonesianTimeZone.valueOf(b.getString("timeZone")))).toList(), d.getLong("version"));
    }
}
