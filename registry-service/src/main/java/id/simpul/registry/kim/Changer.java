package id.simpul.registry.kim;

import org.jmolecules.ddd.annotation.ValueObject;

import java.util.List;

/**
 * Who made a step of a KIM's history: the user or client id, their roles and region scope (empty: the whole
 * country) as their token named them; {@code simpul:seed} for Simpul's own seed data. Null in steps recorded before
 * sign-in existed.
 */
@ValueObject
public record Changer(String id, List<String> roles, String regionScope) {
    public Changer {
        roles = roles == null ? List.of() : List.copyOf(roles);
        regionScope = regionScope == null ? "" : regionScope;
    }
}
