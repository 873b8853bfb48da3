package dev.mocks3.app.gateway;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Failed requests, one log line each. Only the first failure of a kind (exception class and top
 * frame of its root cause) in an interval carries a stack trace; the others count as suppressed,
 * so a dependency that is down fills the log with lines, not with 150-line traces.
 */
final class FailureLog {
    private static final int MAX_SUMMARY = 600;
    private final Logger log;
    private final long intervalNanos;
    private final ConcurrentMap<Kind, Window> windows = new ConcurrentHashMap<>();

    FailureLog(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    /** Logs that request {@code requestId} was answered {@code answer} because of {@code error}. */
    void failed(String requestId, String answer, Throwable error) {
        long now = System.nanoTime();
        Window fresh = new Window(now);
        Window window = windows.merge(Kind.of(error), fresh,
                (current, next) -> now - current.started < intervalNanos ? current : next);
        String summary = summary(error);
        if (window == fresh) {
            log.error("request {} answered {}: {}", requestId, answer, summary, error);
        } else {
            long suppressed = window.suppressed.incrementAndGet();
            log.error("request {} answered {}: {} (stack trace suppressed: {} of this kind since the last one)",
                    requestId, answer, summary, suppressed);
        }
    }

    private static String summary(Throwable error) {
        Throwable root = Causes.root(error);
        String text = root == error ? error.toString() : error + "; caused by " + root;
        text = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return text.length() > MAX_SUMMARY ? text.substring(0, MAX_SUMMARY) + "..." : text;
    }

    private record Kind(String type, String topFrame) {
        static Kind of(Throwable error) {
            Throwable root = Causes.root(error);
            StackTraceElement[] frames = root.getStackTrace();
            return new Kind(root.getClass().getName(), frames.length == 0 ? "" : frames[0].toString());
        }
    }

    private static final class Window {
        final long started;
        final AtomicLong suppressed = new AtomicLong();

        Window(long started) {
            this.started = started;
        }
    }
}
