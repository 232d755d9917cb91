package id.simpul.web.workspace;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Collection;
import java.util.List;

/**
 * The signed-in person as the ID token names them: who, their roles and the scope they act in (a region code prefix,
 * empty for the whole country; a partner; a KIM). The pages use it to show the work that fits; the services decide.
 */
public record Me(String username, String name, List<String> roles, String regionScope, String partnerId, String kimId) {

    public static Me of(OidcUser user) {
        Object roles = user.getClaims().get("roles");
        List<String> names = roles instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
        String name = user.getFullName() != null ? user.getFullName() : user.getSubject();
        return new Me(user.getSubject(), name, names, textOf(user, "region_scope"), textOf(user, "partner_id"),
                textOf(user, "kim_id"));
    }

    private static String textOf(OidcUser user, String claim) {
        Object value = user.getClaims().get(claim);
        return value == null ? "" : value.toString();
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAny(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Registers KIMs and moves them in their lifecycle (rights kims.register, kims.change-status). */
    public boolean registersKims() {
        return isAny("REGENCY_OFFICER", "PROVINCE_OFFICER", "MINISTRY_ADMIN");
    }

    /** Reads the KIM list of their scope (right kims.read; a KIM officer reads their own KIM only). */
    public boolean readsKims() {
        return isAny("REGENCY_OFFICER", "PROVINCE_OFFICER", "PROGRAMME_MANAGER", "MINISTRY_ADMIN");
    }

    /** Verifies KIMs (right kims.verify): a province or the ministry. */
    public boolean verifiesKims() {
        return isAny("PROVINCE_OFFICER", "MINISTRY_ADMIN");
    }

    /** Plans programmes and runs trainings (rights programmes.*, trainings.*). */
    public boolean managesTrainings() {
        return isAny("PROGRAMME_MANAGER", "MINISTRY_ADMIN");
    }

    /** Reads programmes (right programmes.read). */
    public boolean readsProgrammes() {
        return isAny("VIEWER", "KIM_OFFICER", "PARTNER", "PROGRAMME_MANAGER", "REGENCY_OFFICER", "PROVINCE_OFFICER", "MINISTRY_ADMIN");
    }

    /** Acts for one KIM: enrols its members, reports its outputs. */
    public boolean officerOfKim() {
        return is("KIM_OFFICER") && !kimId.isBlank();
    }

    /** Acts for one partner: answers its invitations. */
    public boolean ofPartner() {
        return is("PARTNER") && !partnerId.isBlank();
    }

    /** Administers the platform: every user and the services' dead letters (rights users.administer, dead-letters.*). */
    public boolean administers() {
        return is("MINISTRY_ADMIN");
    }

    /** Administers users: the ministry anywhere, a province officer inside their province (right users.administer). */
    public boolean administersUsers() {
        return administers() || is("PROVINCE_OFFICER") && !nationwide();
    }

    public boolean nationwide() {
        return regionScope.isBlank();
    }
}
