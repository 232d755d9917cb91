package id.simpul.platform.access;

/** The roles of docs/access.md, as the {@code roles} claim of an access token names them. */
public enum Role {
    VIEWER, KIM_OFFICER, PARTNER, PROGRAMME_MANAGER, REGENCY_OFFICER, PROVINCE_OFFICER, MINISTRY_ADMIN, OPERATOR
}
