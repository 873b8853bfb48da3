package dev.mocks3.junit.faults;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every action of the rule document, as factories to import statically:
 * {@code respond(slowDown())}, {@code respond(delay(Duration.ofSeconds(2)))}, {@code respond(corruptBody())}.
 */
public final class FaultActions {

    /** Scope of a throttle's token bucket. */
    public enum ThrottleScope {
        RULE, BUCKET, PREFIX, KEY, ACCESS_KEY;

        String id() {
            return name().toLowerCase();
        }
    }

    private FaultActions() {
    }

    /** {@code 503 SlowDown}, what S3 answers a client that sends too fast. */
    public static Action slowDown() {
        return httpError(503, "SlowDown", "Please reduce your request rate.");
    }

    /** {@code 503 ServiceUnavailable}. */
    public static Action serviceUnavailable() {
        return httpError(503, "ServiceUnavailable", null);
    }

    /** {@code 500 InternalError}. */
    public static Action internalError() {
        return httpError(500, "InternalError", null);
    }

    /** An S3 error answer with the status's usual code and message. */
    public static Action httpError(int status) {
        return httpError(status, null, null);
    }

    /** An S3 error answer; a null code or message takes the status's usual one. */
    public static Action httpError(int status, String errorCode, String message) {
        ObjectNode json = action("http_error").put("http_code", status);
        if (errorCode != null) {
            json.put("error_code", errorCode);
        }
        if (message != null) {
            json.put("message", message);
        }
        return new Action(json);
    }

    public static Action delay(Duration duration) {
        return delay(Wait.fixed(duration));
    }

    public static Action delay(Wait wait) {
        return withWait(action("delay"), wait);
    }

    /** Holds back the first byte of the response body. */
    public static Action slowFirstByte(Duration duration) {
        return slowFirstByte(Wait.fixed(duration));
    }

    public static Action slowFirstByte(Wait wait) {
        return withWait(action("slow_first_byte"), wait);
    }

    /** A token bucket of {@code rate} requests per {@code interval} for the whole rule; beyond it {@code 503 SlowDown}. */
    public static Action throttle(long rate, Duration interval) {
        return throttle(rate, interval, ThrottleScope.RULE);
    }

    /** A token bucket per bucket, key, access key or rule. */
    public static Action throttle(long rate, Duration interval, ThrottleScope per) {
        return new Action(action("throttle").put("rate", rate).put("interval", Wait.millis(interval)).put("per", per.id()));
    }

    /** A token bucket per key prefix of {@code depth} {@code /}-separated segments. */
    public static Action throttlePerPrefix(long rate, Duration interval, int depth) {
        return new Action(action("throttle").put("rate", rate).put("interval", Wait.millis(interval))
                .put("per", ThrottleScope.PREFIX.id()).put("prefix_depth", depth));
    }

    /** Streams the body at this rate (the response by default; the upload {@link Action#beforeOperation() before}). */
    public static Action bandwidth(long bytesPerSecond) {
        return new Action(action("bandwidth").put("bytes_per_second", bytesPerSecond));
    }

    /** Closes the connection abruptly, before the operation. */
    public static Action reset() {
        return new Action(action("reset"));
    }

    /** Closes the connection once this many body bytes went through. */
    public static Action resetAfterBytes(long bytes) {
        return new Action(action("reset").put("after_bytes", bytes));
    }

    /** Holds the request open, then drops the connection without an answer. */
    public static Action timeout(Duration after) {
        return new Action(action("timeout").put("after", Wait.millis(after)));
    }

    /** Promises the whole body, sends only {@code keepBytes} of it, then drops the connection. */
    public static Action truncate(long keepBytes) {
        return new Action(action("truncate").put("keep_bytes", keepBytes));
    }

    /** Sends only this share (0 to below 1) of the body. */
    public static Action truncateRatio(double ratio) {
        return new Action(action("truncate").put("ratio", ratio));
    }

    /** Flips one byte of the response body, so its checksum no longer matches. */
    public static Action corruptBody() {
        return new Action(action("corrupt").put("target", "body"));
    }

    /** Flips {@code bytes} bytes of the body at {@code offset}. */
    public static Action corruptBody(int bytes, long offset) {
        return new Action(action("corrupt").put("target", "body").put("bytes", bytes).put("offset", offset));
    }

    /** Answers a wrong ETag. */
    public static Action corruptEtag() {
        return new Action(action("corrupt").put("target", "etag"));
    }

    /** For {@code window} after a write of a key, reads and lists of that key see the state before it. */
    public static Action staleRead(Duration window) {
        return new Action(action("stale_read").put("window", Wait.millis(window)));
    }

    /** Sends the body in chunks of {@code chunkSize} bytes with {@code pause} between them. */
    public static Action slice(int chunkSize, Duration pause) {
        return new Action(action("slice").put("chunk_size", chunkSize).put("pause", Wait.millis(pause)));
    }

    /** The S3 port goes down for {@code window}: this connection and every new one are reset until it ends. */
    public static Action down(Duration window) {
        return new Action(action("down").put("duration", Wait.millis(window)));
    }

    /** The whole answer is sent, then the connection is held open {@code delay} before it closes. */
    public static Action slowClose(Duration delay) {
        return new Action(action("slow_close").put("delay", Wait.millis(delay)));
    }

    /** Each chunk of the uploaded body is read only after {@code delay}: latency on the upload direction. */
    public static Action uploadLatency(Duration delay) {
        return new Action(action("upload_latency").put("delay", Wait.millis(delay)));
    }

    /** A request sent with {@code Expect: 100-continue} is answered {@code 417 ExpectationFailed} before its body. */
    public static Action refuseContinue() {
        return new Action(action("refuse_continue"));
    }

    /** The response head goes out, then the body stops after {@code afterBytes} for {@code duration}. */
    public static Action stall(long afterBytes, Duration duration) {
        return new Action(action("stall").put("after_bytes", afterBytes).put("duration", Wait.millis(duration)));
    }

    /** For rules of service {@code notification-delivery}: the event counts as delivered and is never sent. */
    public static Action dropNotification() {
        return new Action(action("drop"));
    }

    /** For rules of service {@code notification-delivery}: the event is sent {@code copies} times. */
    public static Action duplicateNotification(int copies) {
        return new Action(action("duplicate").put("copies", copies));
    }

    private static ObjectNode action(String type) {
        return RulesHttp.JSON.createObjectNode().put("type", type);
    }

    private static Action withWait(ObjectNode json, Wait wait) {
        for (Map.Entry<String, Object> field : wait.fields().entrySet()) {
            json.put(field.getKey(), field.getValue().toString());
        }
        return new Action(json);
    }
}
