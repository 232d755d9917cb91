package id.simpul.reporting.projection;

import id.simpul.eventing.UnreadableEventException;

/**
 * An event names a region code the region dataset does not know, so its figures cannot be placed on any level.
 * Retrying cannot help: the event is dead-lettered (and skipped by a rebuild), and the consumer goes on.
 */
public class UnknownRegionException extends UnreadableEventException {

    UnknownRegionException(String message) {
        super(message, null);
    }
}
