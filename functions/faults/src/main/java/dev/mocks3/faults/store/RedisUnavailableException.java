package dev.mocks3.faults.store;

import java.util.concurrent.TimeoutException;

import org.redisson.client.RedisException;

/** Redis did not answer (down, unreachable, or slower than the API waits): the rules API answers 503. */
public final class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(Throwable cause) {
        super("Redis is unreachable: " + rootMessage(cause), cause);
    }

    /** True when e or one of its causes says Redis could not be reached. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RedisUnavailableException || t instanceof RedisException) {
                return true;
            }
        }
        return false;
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof TimeoutException ? "no answer in time" : String.valueOf(root.getMessage());
    }
}
