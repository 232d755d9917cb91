package id.simpul.training.common;

/** A change the current state does not allow (a cancelled training, an invitation already answered): 409. */
public class StateException extends RuntimeException {

    public StateException(String message) {
        super(message);
    }
}
