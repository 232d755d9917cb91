package id.simpul.identity.user;

import org.jmolecules.ddd.annotation.AggregateRoot;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person who signs in: their roles, where they act, and for partner users and KIM officers which partner or KIM
 * they speak for. The password is kept only as its hash.
 */
@AggregateRoot
public record UserAccount(String id, String username, String displayName, String passwordHash, Set<Role> roles,
                          RegionScope scope, String partnerId, String kimId, boolean enabled, Instant lockedUntil,
                          Instant createdAt, String createdBy) {

    public UserAccount {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public UserAccount withEnabled(boolean value) {
        return new UserAccount(id, username, displayName, passwordHash, roles, scope, partnerId, kimId, value, lockedUntil,
                createdAt, createdBy);
    }

    int highestRank() {
        return roles.stream().mapToInt(Role::rank).max().orElse(0);
    }
}
