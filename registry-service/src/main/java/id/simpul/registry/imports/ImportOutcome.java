package id.simpul.registry.imports;

/** What became of one row. */
enum ImportOutcome {
    /** Stored as a new KIM. */
    CREATED,
    /** The KIM is registered already (same name in the village, or same kim.id number): nothing changed. */
    ALREADY_REGISTERED,
    /** Not stored; the problems say why. */
    INVALID,
    /** Not stored: the village lies outside the region scope of whoever started the import. */
    OUTSIDE_SCOPE
}
