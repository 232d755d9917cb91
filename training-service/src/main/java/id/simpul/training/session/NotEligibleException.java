package id.simpul.training.session;

/**
 * A KIM that may not enrol, and why: unknown to training-service (perhaps registered a moment ago: retry), not
 * VERIFIED or ACTIVE, or outside the programme's target regions.
 */
public class NotEligibleException extends RuntimeException {

    public enum Reason { KIM_NOT_KNOWN_YET, KIM_STATUS, OUTSIDE_TARGET_REGIONS }

    public final Reason reason;
    public final String kimStatus;

    public NotEligibleException(Reason reason, String kimStatus, String message) {
        super(message);
        this.reason = reason;
        this.kimStatus = kimStatus;
    }
}
