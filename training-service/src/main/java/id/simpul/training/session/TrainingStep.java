package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

import java.time.Instant;
import java.util.List;

/**
 * One change of a training, kept as its history: when, what (the events it caused, such as TrainingScheduled) and by
 * whom (the user or client id, their roles and region scope; {@code simpul:seed} for the seed; null for changes made
 * before sign-in existed).
 */
@ValueObject
public record TrainingStep(Instant at, List<String> changes, String by, List<String> byRoles, String byScope) {
    public TrainingStep {
        changes = List.copyOf(changes);
        byRoles = byRoles == null ? List.of() : List.copyOf(byRoles);
    }
}
