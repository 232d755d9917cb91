package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

import java.time.Instant;

/** One step of a KIM's lifecycle, kept as its history. {@code from} is null for the registration. */
@ValueObject
public record StatusChange(KimStatus from, KimStatus to, String reason, Instant at) {
}
