package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

import java.time.Instant;

/**
 * One step of a KIM's lifecycle, kept as its history: from what, to what, why, when and by whom. {@code from} is null
 * for the registration; {@code by} is null for steps recorded before sign-in existed.
 */
@ValueObject
public record StatusChange(KimStatus from, KimStatus to, String reason, Instant at, Changer by) {
}
