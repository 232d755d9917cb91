package id.simpul.training.programme;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How far a programme is: its trainings, the KIMs trained, the outputs and the people they reached, against its targets. */
@Component
public class ProgrammeProgress {

    /** An achieved figure and its target (null when the programme set none). */
    public record Figure(long actual, Integer target) {
    }

    public record Progress(Figure trainingsPlanned, Figure trainingsCompleted, Figure kimsTrained, Figure outputs,
                           Figure peopleReached) {
    }

    private final MongoOperations mongo;

    ProgrammeProgress(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Progress of(Programme programme) {
        Query trainings = Query.query(Criteria.where("programmeId").is(programme.id().value()));
        trainings.fields().include("status").include("enrolments.kimId").include("enrolments.attended");
        long planned = 0;
        long completed = 0;
        Set<String> trained = new HashSet<>();
        for (Document t : mongo.find(trainings, Document.class, "trainings")) {
            String status = t.getString("status");
            if (!"CANCELLED".equals(status)) {
                planned++;
            }
            if ("COMPLETED".equals(status)) {
                completed++;
                for (Document e : t.getList("enrolments", Document.class, List.of())) {
                    if (e.getBoolean("attended", false)) {
                        trained.add(e.getString("kimId"));
                    }
                }
            }
        }
        Query outputs = Query.query(Criteria.where("programmeId").is(programme.id().value()).and("status").ne("WITHDRAWN"));
        outputs.fields().include("peopleReached");
        long count = 0;
        long reached = 0;
        for (Document o : mongo.find(outputs, Document.class, "outputs")) {
            count++;
            reached += ((Number) o.get("peopleReached")).longValue();
        }
        Targets targets = programme.targets();
        return new Progress(new Figure(planned, targets.trainings()), new Figure(completed, targets.trainings()),
                new Figure(trained.size(), targets.kimsTrained()), new Figure(count, targets.outputs()),
                new Figure(reached, targets.peopleReached()));
    }
}
