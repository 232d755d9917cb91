package id.simpul.training.session;

import org.jmolecules.ddd.annotation.ValueObject;

/** Briefing material for a training (for example the health office's slides on stunting). */
@ValueObject
public record Material(String title, String link) {
}
