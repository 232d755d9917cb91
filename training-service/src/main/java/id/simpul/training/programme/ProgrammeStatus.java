package id.simpul.training.programme;

/** Where a programme stands against its period, on today's date in Indonesia (WIB). */
public enum ProgrammeStatus {
    PLANNED, RUNNING, ENDED
}
