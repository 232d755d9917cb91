package id.simpul.training.session;

/** A training is planned as a DRAFT, SCHEDULED (open for enrolment), then COMPLETED; or CANCELLED before that. */
public enum TrainingStatus {
    DRAFT, SCHEDULED, COMPLETED, CANCELLED
}
