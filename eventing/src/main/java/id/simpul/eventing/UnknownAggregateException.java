package id.simpul.eventing;

/**
 * An event about an aggregate this consumer has never seen created (a status change of a KIM it never heard
 * registered). It is not applied as if the aggregate were new: it is retried with back-off, in case the creation is
 * still on its way, and then dead-lettered, from where it can be replayed once the creation has arrived.
 */
public class UnknownAggregateException extends RuntimeException {

    public UnknownAggregateException(String message) {
        super(message);
    }
}
