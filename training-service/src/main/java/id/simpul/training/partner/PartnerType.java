package id.simpul.training.partner;

/** Kinds of organisations that brief KIMs. */
public enum PartnerType {
    /** Dinas Kesehatan. */
    HEALTH_OFFICE,
    /** Puskesmas, hospital. */
    HEALTH_FACILITY,
    UNIVERSITY, NGO, GOVERNMENT_AGENCY, OTHER
}
