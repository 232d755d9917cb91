package id.simpul.platform;

/** The shape of the ids Simpul hands out, for validating them where clients send them back. */
public final class Ids {

    /** A UUID in its canonical form, as every Simpul aggregate id is. */
    public static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private Ids() {
    }
}
