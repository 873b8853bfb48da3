package dev.mocks3.app.gateway;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.mocks3.app.observe.S3Observer;
import dev.mocks3.app.pipeline.OperationPipelines;
import dev.mocks3.core.call.ConnectionDrop;
import dev.mocks3.core.call.ErrorHeaders;
import dev.mocks3.core.call.RequestIds;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.netty.PortOutage;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.Routes;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.core.xml.ErrorDocument;
import reactor.core.Fuseable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The local dispatcher: every HTTP request but {@code GET /health} and {@code /_mocks3/...} is an S3 request, classified
 * by the routing table and handed to the composed function that serves its operation. Errors
 * become S3 XML error documents; a {@link ConnectionDrop} closes the socket.
 */
@Component
@Order(-100)
public class S3Gateway implements WebFilter {
    private static final Logger log = LoggerFactory.getLogger(S3Gateway.class);
    private final S3RequestReader reader;
    private final OperationPipelines pipelines;
    private final FailureLog failures;
    private final String retryAfterSeconds;
    private final PortOutage outage;
    private final ObjectProvider<ErrorHeaders> errorHeaders;
    private final S3Observer observer;
    private final DateHeader date = new DateHeader();

    public S3Gateway(S3RequestReader reader, OperationPipelines pipelines, ConnectionProperties connections, PortOutage outage,
                     ObjectProvider<ErrorHeaders> errorHeaders, S3Observer observer) {
        this.outage = outage;
        this.errorHeaders = errorHeaders;
        this.observer = observer;
        this.reader = reader;
        this.pipelines = pipelines;
        this.failures = new FailureLog(log, connections.stackTraceInterval());
        this.retryAfterSeconds = Long.toString(Math.max(1, connections.retryAfter().toSeconds()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isHealthCheck(exchange) || isMockS3Endpoint(exchange)) {
            return chain.filter(exchange);
        }
        String requestId = RequestIds.next();
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.set("x-amz-request-id", requestId);
        headers.set("x-amz-id-2", requestId);
        headers.set(HttpHeaders.DATE, date.now());
        headers.set(HttpHeaders.SERVER, "MockS3");
        S3Request request;
        try {
            request = reader.read(exchange.getRequest(), requestId);
        } catch (S3Exception e) {
            return observer.start(requestId, null).around(exchange,
                    writeError(exchange, e, exchange.getRequest().getPath().value(), requestId));
        }
        S3Observer.Observation observation = observer.start(requestId, request);
        return observation.around(exchange, Mono.defer(() -> serve(request, observation))
                .onErrorResume(S3Exception.class, error -> withErrorHeaders(request, error).flatMap(Mono::error))
                .flatMap(call -> write(exchange, call.response()))
                .onErrorResume(e -> writeError(exchange, e, request.resource(), requestId)));
    }

    private Mono<S3Call> serve(S3Request request, S3Observer.Observation observation) {
        S3Operation operation = Routes.classify(request.method(), S3RequestReader.target(request), request.query().keySet(),
                request::header).orElseThrow(() -> unroutable(request));
        observation.classified(operation);
        return pipelines.of(operation)
                .orElseThrow(() -> S3Error.NOT_IMPLEMENTED.exception(operation.s3Name() + " is not served by this instance"))
                .apply(Mono.just(S3Call.of(request, operation)));
    }

    private Mono<S3Exception> withErrorHeaders(S3Request request, S3Exception error) {
        ErrorHeaders headers = errorHeaders.getIfAvailable();
        return headers == null ? Mono.just(error) : headers.decorate(request, error);
    }

    private static S3Exception unroutable(S3Request request) {
        boolean knownMethod = switch (request.method()) {
            case "GET", "PUT", "POST", "DELETE", "HEAD" -> true;
            default -> false;
        };
        return knownMethod ? S3Error.NOT_IMPLEMENTED.exception() : S3Error.METHOD_NOT_ALLOWED.exception()
                .with("Method", request.method()).with("ResourceType", request.key() != null ? "OBJECT" : "BUCKET");
    }

    private Mono<Void> write(ServerWebExchange exchange, S3Response s3) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(s3.status()));
        response.getHeaders().addAll(s3.headers());
        DataBuffer whole = wholeBody(s3.body());
        if (whole != null) {
            // the whole body is one buffer already read (a small object): status, headers and body go out
            // in one write, without the streaming machinery a body still to come needs
            return response.writeWith(Mono.just(whole));
        }
        // A body cut by a fault ends normally here, so every byte before the cut is written and flushed;
        // only then is the connection dropped (an error inside the write would discard the bytes in flight).
        AtomicReference<ConnectionDrop> cut = new AtomicReference<>();
        Flux<DataBuffer> body = s3.body().onErrorResume(ConnectionDrop.class, drop -> {
            cut.set(drop);
            return Flux.empty();
        });
        return response.writeWith(body).then(Mono.defer(() -> cut.get() == null ? Mono.empty() : drop(response, cut.get())));
    }

    /**
     * The body's one buffer when it is a single value known now ({@code Flux.just}, which can neither fail nor be
     * cut); null for anything else: an empty or failing body, a stream, a body that a fault wraps.
     */
    static DataBuffer wholeBody(Flux<DataBuffer> body) {
        if (!(body instanceof Fuseable.ScalarCallable<?> scalar)) {
            return null;
        }
        try {
            return scalar.call() instanceof DataBuffer buffer ? buffer : null;
        } catch (Exception failing) {
            // Flux.error is scalar too: the streaming path answers it (a ConnectionDrop closes the connection)
            return null;
        }
    }

    private Mono<Void> writeError(ServerWebExchange exchange, Throwable error, String resource, String requestId) {
        ServerHttpResponse response = exchange.getResponse();
        if (error instanceof ConnectionDrop drop) {
            return drop(response, drop);
        }
        if (ClientGone.causedBy(error) && !connectionOpen(response)) {
            log.info("request {} abandoned: the connection closed before the answer ({})", requestId, error.toString());
            return dropConnection(response);
        }
        if (response.isCommitted()) {
            log.warn("request {} failed after the response started: {}", requestId, error.toString());
            return dropConnection(response);
        }
        S3Exception s3 = error instanceof S3Exception known ? known : unexpected(error, requestId);
        response.setStatusCode(HttpStatusCode.valueOf(s3.status()));
        s3.headers().forEach(response.getHeaders()::set);
        if (s3.error() == S3Error.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (s3.status() == 304 || HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            response.getHeaders().setContentLength(0);
            return response.setComplete();
        }
        byte[] document = ErrorDocument.render(s3, resource, requestId);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, "application/xml");
        response.getHeaders().setContentLength(document.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(document)));
    }

    /** A dependency that is down is 503 ServiceUnavailable (retry later), anything else 500. */
    private S3Exception unexpected(Throwable error, String requestId) {
        S3Exception answer = DependencyOutage.causedBy(error)
                ? S3Error.SERVICE_UNAVAILABLE.exception("MockS3 cannot reach its database or blob store; please retry.")
                : S3Error.INTERNAL_ERROR.exception();
        failures.failed(requestId, answer.status() + " " + answer.code(), error);
        return answer;
    }

    /** A closed file is no closed connection: only a connection that is really gone is "client gone". */
    private static boolean connectionOpen(ServerHttpResponse response) {
        boolean[] open = {false};
        if (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse netty) {
            netty.withConnection(connection -> open[0] = connection.channel().isActive());
        }
        return open[0];
    }

    /** A fault's drop: a clean close, a reset, or a reset and the port down for a while. */
    private Mono<Void> drop(ServerHttpResponse response, ConnectionDrop drop) {
        if (drop.downFor() != null) {
            outage.down(drop.downFor());
        }
        if (!drop.reset()) {
            return dropConnection(response);
        }
        if (ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse netty) {
            netty.withConnection(connection -> PortOutage.reset(connection.channel()));
        }
        return Mono.empty();
    }

    /** Closes the client's connection without an answer (or in the middle of one). */
    static Mono<Void> dropConnection(ServerHttpResponse response) {
        Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        if (nativeResponse instanceof HttpServerResponse netty) {
            netty.withConnection(connection -> connection.channel().close());
        }
        return Mono.empty();
    }

    /**
     * {@code /_mocks3/...}: MockS3's own endpoints (health, actuator); {@code /_localstack/...}: the
     * LocalStack chaos API. No bucket name starts with '_'.
     */
    private static boolean isMockS3Endpoint(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return path.startsWith("/_mocks3/") || path.startsWith("/_localstack/");
    }

    private static boolean isHealthCheck(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return HttpMethod.GET.equals(request.getMethod()) && "/health".equals(request.getPath().value())
                && request.getQueryParams().isEmpty();
    }
}
