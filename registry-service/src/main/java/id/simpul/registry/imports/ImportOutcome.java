package id.simpul.registry.imports;

/** What became of one row. */
enum ImportOutcome {
    /** Stored as a new KIM. */
    CREATED,
    /** The KIM is registered already (same name in the village, or same kim.id number): nothing changed. */
    ALREADY_REGISTERED,
    /** Not stored; the problems say why. */
    INVALID
}
