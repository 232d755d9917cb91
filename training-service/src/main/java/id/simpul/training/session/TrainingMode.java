package id.simpul.training.session;

/** Where participants are: at the venue, online, or both. */
public enum TrainingMode {
    IN_PERSON, ONLINE, HYBRID
}
