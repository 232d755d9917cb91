package id.simpul.training.programme;

import org.jmolecules.ddd.annotation.ValueObject;

/** What a programme sets out to achieve; a target left null is not set. */
@ValueObject
public record Targets(Integer trainings, Integer kimsTrained, Integer outputs, Integer peopleReached) {
}
