package dev.mocks3.local.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** With {@code dev.mocks3.requests} at debug, each S3 request is logged once, with its method, operation, status and ids. */
class RequestLogTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void eachRequestIsLoggedOnceWithItsFields() throws Exception {
        String bucket = mocks3.newBucket("request-log");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("logged"));
        Logger logger = (Logger) LoggerFactory.getLogger("dev.mocks3.requests");
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        String found;
        String missing;
        try {
            found = mocks3.s3().getObject(b -> b.bucket(bucket).key("k")).response().responseMetadata().requestId();
            try {
                mocks3.s3().getObject(b -> b.bucket(bucket).key("absent"));
                throw new AssertionError("the key should be missing");
            } catch (NoSuchKeyException e) {
                missing = e.requestId();
            }
            // the line is written as the answer ends, a moment after the client has it; other tests'
            // requests on the shared runner log too, so wait for these two by their ids
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!(logged(appender, found) && logged(appender, missing)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = List.copyOf(appender.list);
        }
        assertThat(fields(events, found)).containsEntry("method", "GET").containsEntry("operation", "GetObject")
                .containsEntry("status", "200").containsKeys("duration_ms", "trace_id");
        assertThat(fields(events, missing)).containsEntry("operation", "GetObject").containsEntry("status", "404");
    }

    private static boolean logged(ListAppender<ILoggingEvent> appender, String requestId) {
        synchronized (appender) { // AppenderBase appends while holding the appender's lock
            return appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("request_id=" + requestId));
        }
    }

    private static Map<String, String> fields(List<ILoggingEvent> events, String requestId) {
        List<ILoggingEvent> mine = events.stream().filter(e -> e.getFormattedMessage().contains("request_id=" + requestId)).toList();
        assertThat(mine).as("log lines of request %s", requestId).hasSize(1);
        List<KeyValuePair> pairs = mine.get(0).getKeyValuePairs();
        return pairs.stream().collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value)));
    }
}
