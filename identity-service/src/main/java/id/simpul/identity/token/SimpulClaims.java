package id.simpul.identity.token;

import id.simpul.identity.user.Role;

import java.util.Arrays;

/** The claim names Simpul's services read from a token; one place, as the resource servers will quote them. */
public final class SimpulClaims {

    public static final String ROLES = "roles";
    public static final String REGION_SCOPE = "region_scope";
    public static final String PARTNER_ID = "partner_id";
    public static final String KIM_ID = "kim_id";
    /** The audience every Simpul token carries. */
    public static final String AUDIENCE = "simpul";

    private SimpulClaims() {
    }

    public static boolean knownRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
    }
}
