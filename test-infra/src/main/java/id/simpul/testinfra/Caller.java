package id.simpul.testinfra;

import java.util.List;

/**
 * Someone calling a service in a test, as their access token names them: the same roles, scopes, partner and KIM
 * as identity-service's demo users (README), so that module tests and system tests speak of the same people.
 */
public record Caller(String id, List<String> roles, String regionScope, String partnerId, String kimId) {

    public static final Caller MINISTRY_ADMIN = new Caller("admin@kemkomdigi", List.of("MINISTRY_ADMIN"), "", null, null);
    public static final Caller PROVINCE_OFFICER = new Caller("kominfo.kalsel", List.of("PROVINCE_OFFICER"), "63", null, null);
    public static final Caller REGENCY_OFFICER = new Caller("kominfo.banjar", List.of("REGENCY_OFFICER"), "63.03", null, null);
    public static final Caller PROGRAMME_MANAGER = new Caller("pm.stunting", List.of("PROGRAMME_MANAGER"), "", null, null);
    public static final Caller VIEWER = new Caller("viewer", List.of("VIEWER"), "", null, null);
    public static final Caller OPERATOR = new Caller("operator", List.of("OPERATOR"), "", null, null);

    public Caller {
        roles = List.copyOf(roles);
        regionScope = regionScope == null ? "" : regionScope;
    }

    /** A person of a partner organisation, such as dinkes.banjar (scope 63.03). */
    public static Caller partner(String id, String partnerId, String regionScope) {
        return new Caller(id, List.of("PARTNER"), regionScope, partnerId, null);
    }

    /** An officer of one KIM, such as kim.sungaiparing (scope: the KIM's village). */
    public static Caller kimOfficer(String id, String kimId, String village) {
        return new Caller(id, List.of("KIM_OFFICER"), village, null, kimId);
    }

    /** Someone with one role and scope, for the cases the demo users do not cover. */
    public static Caller of(String id, String role, String regionScope) {
        return new Caller(id, List.of(role), regionScope, null, null);
    }
}
