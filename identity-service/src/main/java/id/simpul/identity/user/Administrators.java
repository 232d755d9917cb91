package id.simpul.identity.user;

import id.simpul.identity.SimpulClaims;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.EnumSet;
import java.util.List;

/** The administrator a bearer token names: its subject, {@code roles} and {@code region_scope} claims. */
final class Administrators {

    private Administrators() {
    }

    static Delegation.Administrator of(Jwt token) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        List<String> claimed = token.getClaimAsStringList(SimpulClaims.ROLES);
        if (claimed != null) {
            for (Role role : Role.values()) {
                if (claimed.contains(role.name())) {
                    roles.add(role);
                }
            }
        }
        String scope = token.getClaimAsString(SimpulClaims.REGION_SCOPE);
        return new Delegation.Administrator(token.getSubject(), roles,
                RegionScope.isValid(scope) ? new RegionScope(scope) : new RegionScope("00.00.00.0000"));
    }
}
