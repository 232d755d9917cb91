package id.simpul.identity;

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
}
