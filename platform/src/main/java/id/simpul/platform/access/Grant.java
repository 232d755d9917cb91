package id.simpul.platform.access;

/** How far a role holds a right: the cells of docs/access.md other than {@code no}. */
public enum Grant {
    /** {@code yes}: for every resource. */
    ALL,
    /** {@code scope}: for a resource whose region lies at or inside the caller's region scope. */
    SCOPE,
    /** {@code own}: for the caller's own KIM or partner. */
    OWN,
    /** {@code four-eyes}: as {@link #SCOPE}, and not for a resource the caller submitted. */
    FOUR_EYES
}
