package id.simpul.registry.kim;

/** What KimService refuses, each answered with its own problem detail. */
public final class KimExceptions {

    /** No KIM has this id. */
    static class NotFound extends RuntimeException {
        NotFound(String id) {
            super("There is no KIM " + id + ".");
        }
    }

    /** The client changed a KIM from an older version than the stored one (If-Match does not match). */
    static class Stale extends RuntimeException {
        final long currentVersion;

        Stale(long expected, long current) {
            super("The KIM is at version " + current + ", not " + expected + "; read it again and retry.");
            this.currentVersion = current;
        }
    }

    /** Another KIM already has this name in this village, or this kim.id number. */
    public static class Duplicate extends RuntimeException {
        final String field;
        final Kim existing;

        Duplicate(String field, Kim existing) {
            super(field.equals("kimIdNumber")
                    ? named(existing) + " already has kim.id number " + existing.profile().kimIdNumber() + "."
                    : named(existing) + " is already registered in village " + existing.profile().village() + ".");
            this.field = field;
            this.existing = existing;
        }

        /** "KIM Sungai Paring (id)": the name as registered (it usually says KIM itself), with the id. */
        private static String named(Kim kim) {
            return kim.profile().name() + " (" + kim.id() + ")";
        }

        /** {@code name} (same name in the village) or {@code kimIdNumber}. */
        public String field() {
            return field;
        }

        public Kim existing() {
            return existing;
        }
    }

    private KimExceptions() {
    }
}
