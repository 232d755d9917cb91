package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A medium the KIM runs: a web address or a handle, and its audience when known.
 *
 * @param followers null when unknown
 */
@ValueObject
public record MediaChannel(MediaType type, String address, Integer followers) {
}
