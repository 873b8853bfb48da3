package dev.mocks3.app.observe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.core.routing.S3Operation;
import io.micrometer.tracing.Span;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Watches every S3 request from the gateway: its meters, its span (when tracing is on) and one
 * debug line (logger {@code dev.mocks3.requests}) with method, operation, status, duration,
 * request id and trace id.
 */
public final class S3Observer {
    private static final Logger requests = LoggerFactory.getLogger("dev.mocks3.requests");
    private final S3RequestMeters meters;
    private final RequestTracing tracing;

    public S3Observer(S3RequestMeters meters, RequestTracing tracing) {
        this.meters = meters;
        this.tracing = tracing;
    }

    /** Starts watching a request the gateway just read ({@code request} null: it could not be read). */
    public Observation start(String requestId, S3Request request) {
        meters.started();
        Span span = tracing.startRequest("S3", requestId);
        if (span != null && request != null) {
            span.tag("http.request.method", request.method()).tag("mocks3.request_id", requestId);
            if (request.bucket() != null) {
                span.tag("s3.bucket", request.bucket());
            }
        }
        return new Observation(requestId, request, span, System.nanoTime());
    }

    /** One request under way. */
    public final class Observation {
        private final String requestId;
        private final S3Request request;
        private final Span span;
        private final long started;
        private volatile S3Operation operation;

        private Observation(String requestId, S3Request request, Span span, long started) {
            this.requestId = requestId;
            this.request = request;
            this.span = span;
            this.started = started;
        }

        /** The operation the routing table found. */
        public void classified(S3Operation op) {
            operation = op;
            if (span != null) {
                span.name("S3 " + op.s3Name()).tag("s3.operation", op.s3Name());
            }
        }

        /** {@code answer} observed to its end: the span is the parent of the stages' spans beneath it. */
        public Mono<Void> around(ServerWebExchange exchange, Mono<Void> answer) {
            Mono<Void> watched = answer.doFinally(signal -> end(exchange, signal));
            return span == null ? watched : watched.contextWrite(c -> RequestTracing.withParent(c, span));
        }

        private void end(ServerWebExchange exchange, SignalType signal) {
            long nanos = System.nanoTime() - started;
            ServerHttpResponse response = exchange.getResponse();
            HttpStatusCode code = response.getStatusCode();
            int status = code == null ? 200 : code.value();
            boolean dropped = signal == SignalType.CANCEL || !response.isCommitted();
            int statusClass = dropped ? S3RequestMeters.DROPPED : S3RequestMeters.statusClass(status);
            long bytesIn = request == null ? 0 : declaredRequestBytes(request);
            long bytesOut = dropped ? 0 : Math.max(0, response.getHeaders().getContentLength());
            S3Operation op = operation;
            meters.finished(op, request == null ? null : request.bucket(), statusClass, nanos, bytesIn, bytesOut);
            String traceId = null;
            if (span != null) {
                traceId = span.context().traceId();
                span.tag("http.response.status_code", dropped ? "dropped" : Integer.toString(status));
                if (status >= 500 || dropped) {
                    span.tag("error", "true");
                }
                tracing.endRequest(requestId, span);
            }
            if (requests.isDebugEnabled()) {
                requests.atDebug().addKeyValue("method", request == null ? exchange.getRequest().getMethod().name() : request.method())
                        .addKeyValue("operation", op == null ? S3RequestMeters.UNKNOWN : op.s3Name())
                        .addKeyValue("status", dropped ? "dropped" : Integer.toString(status))
                        .addKeyValue("duration_ms", nanos / 1_000_000.0)
                        .addKeyValue("request_id", requestId)
                        .addKeyValue("trace_id", traceId)
                        .log("{} {} {} {} {}ms request_id={} trace_id={}", request == null ? exchange.getRequest().getMethod().name()
                                : request.method(), op == null ? S3RequestMeters.UNKNOWN : op.s3Name(), exchange.getRequest().getPath().value(),
                                dropped ? "dropped" : status, String.format("%.2f", nanos / 1_000_000.0), requestId, traceId);
            }
        }
    }

    /** The body bytes the client declared: the decoded length of an aws-chunked upload, else Content-Length. */
    private static long declaredRequestBytes(S3Request request) {
        String decoded = request.header("x-amz-decoded-content-length");
        if (decoded != null) {
            try {
                return Long.parseLong(decoded);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return Math.max(0, request.headers().getContentLength());
    }
}
