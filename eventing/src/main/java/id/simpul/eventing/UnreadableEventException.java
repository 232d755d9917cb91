package id.simpul.eventing;

/**
 * A record that cannot be read as an event (missing CloudEvents headers, malformed payload). Retrying cannot help:
 * consumers send it to their dead-letter topic at once.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
