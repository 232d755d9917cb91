package id.simpul.identity.user;

import org.jmolecules.ddd.annotation.ValueObject;

import java.util.Optional;
import java.util.Set;

/**
 * Who may administer whom: a ministry admin anyone anywhere; a province officer only inside their own region, and
 * grants only a scope at or inside theirs and roles no higher than theirs. Everyone else administers no one.
 * Each refusal names the right that is missing.
 */
public final class Delegation {

    private Delegation() {
    }

    /** The administrator as their token describes them. */
    @ValueObject
    public record Administrator(String username, Set<Role> roles, RegionScope scope) {

        boolean admin() {
            return roles.contains(Role.MINISTRY_ADMIN);
        }

        boolean provinceOfficer() {
            return roles.contains(Role.PROVINCE_OFFICER) && !scope.national();
        }

        int highestRank() {
            return roles.stream().mapToInt(Role::rank).max().orElse(0);
        }
    }

    /** The missing right when {@code by} may not administer users at all. */
    public static Optional<String> mayAdminister(Administrator by) {
        return by.admin() || by.provinceOfficer() ? Optional.empty()
                : Optional.of("users.administer: held by MINISTRY_ADMIN, and by PROVINCE_OFFICER inside their province");
    }

    /** The missing right when {@code by} may not see or change a user with {@code roles} in {@code scope}. */
    public static Optional<String> mayManage(Administrator by, Set<Role> roles, RegionScope scope) {
        Optional<String> any = mayAdminister(by);
        if (any.isPresent() || by.admin()) {
            return any;
        }
        if (!by.scope().covers(scope)) {
            return Optional.of("users.administer in region '" + scope.code() + "': " + by.username()
                    + " administers users in " + by.scope().code() + " only");
        }
        for (Role role : roles) {
            if (role.rank() > by.highestRank()) {
                return Optional.of("roles.grant " + role + ": " + by.username() + " grants only roles no higher than their own");
            }
        }
        return Optional.empty();
    }
}
