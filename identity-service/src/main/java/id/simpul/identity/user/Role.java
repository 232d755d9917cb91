package id.simpul.identity.user;

/**
 * What a user may do in Simpul. The rank orders delegation: an administrator grants only roles of a rank no higher
 * than one they hold (a province officer cannot make a ministry admin or an operator).
 */
public enum Role {
    MINISTRY_ADMIN(100),
    /** Runs the platform (dead letters, rebuilds, keys): granted by the ministry only. */
    OPERATOR(90),
    PROVINCE_OFFICER(50),
    PROGRAMME_MANAGER(45),
    REGENCY_OFFICER(40),
    PARTNER(20),
    KIM_OFFICER(20),
    VIEWER(10);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    int rank() {
        return rank;
    }
}
