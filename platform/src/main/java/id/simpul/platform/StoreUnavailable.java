package id.simpul.platform;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Duration;

/**
 * Whether a failure means the store cannot be reached right now (down, restarting, electing a primary), which
 * retrying later cures: clients get 503 with {@code Retry-After}, consumers wait and retry instead of
 * dead-lettering.
 */
public final class StoreUnavailable {

    /** What clients are told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private StoreUnavailable() {
    }
}
