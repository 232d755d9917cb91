package id.simpul.training.common;

/** Changed by someone else since the version the client named (If-Match): 412. */
public class StaleException extends RuntimeException {

    public final long currentVersion;

    public StaleException(long expected, long current) {
        super("The resource is at version " + current + ", not " + expected + "; read it again and retry.");
        this.currentVersion = current;
    }
}
