package dev.mocks3.drive.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.drive.DriveEndpoint;
import dev.mocks3.drive.account.Tokens;
import dev.mocks3.drive.observe.DriveMeters;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Routes each {@link DriveEndpoint} to its function: authenticates the caller where the endpoint
 * wants a token, reads the input (JSON body or query string), and answers in the envelope. Errors
 * become numbered envelope codes; an unexpected one is logged here and reaches the client only as
 * 100001, never with its stack trace.
 */
public final class DriveRouter {
    private static final Logger log = LoggerFactory.getLogger(DriveRouter.class);
    private final Map<DriveEndpoint, Function<Mono<DriveCall>, Mono<DriveReply>>> functions;
    private final Tokens tokens;
    private final ObjectMapper json;
    private final boolean trustForwardedFor;
    private final DriveMeters meters;

    public DriveRouter(Map<DriveEndpoint, Function<Mono<DriveCall>, Mono<DriveReply>>> functions, Tokens tokens,
                       ObjectMapper json, boolean trustForwardedFor, DriveMeters meters) {
        this.meters = meters;
        this.functions = Map.copyOf(functions);
        this.tokens = tokens;
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
    }

    public RouterFunction<ServerResponse> routes() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        functions.forEach((endpoint, function) -> routes.route(
                RequestPredicates.method(HttpMethod.valueOf(endpoint.method())).and(RequestPredicates.path(endpoint.path())),
                request -> serve(endpoint, function, request)));
        routes.route(request -> true, request -> error(isKnownPath(request.path())
                ? DriveError.METHOD_NOT_ALLOWED.exception() : DriveError.NO_SUCH_ENDPOINT.exception()));
        return routes.build();
    }

    private boolean isKnownPath(String path) {
        return functions.keySet().stream().anyMatch(endpoint -> endpoint.path().equals(path));
    }

    private Mono<ServerResponse> serve(DriveEndpoint endpoint, Function<Mono<DriveCall>, Mono<DriveReply>> function,
                                       ServerRequest request) {
        return meters.request(endpoint, Mono.defer(() -> {
                    Long user = endpoint.authenticated()
                            ? tokens.verify(Tokens.fromHeader(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) : null;
                    Mono<DriveInput> input = "GET".equals(endpoint.method())
                            ? Mono.just(DriveInput.ofQuery(request.queryParams().toSingleValueMap()))
                            : request.bodyToMono(byte[].class).map(this::parse).defaultIfEmpty(DriveInput.of(null));
                    String address = clientAddress(request);
                    return function.apply(input.map(in -> new DriveCall(endpoint, user, in, address)));
                }))
                .flatMap(this::render)
                .onErrorResume(this::error);
    }

    private DriveInput parse(byte[] body) {
        try {
            return DriveInput.of(body.length == 0 ? null : json.readTree(body));
        } catch (IOException e) {
            throw DriveError.BAD_REQUEST.exception("the body is not valid JSON");
        }
    }

    private String clientAddress(ServerRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.headers().firstHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.remoteAddress().map(InetSocketAddress::getAddress).map(a -> a.getHostAddress()).orElse("unknown");
    }

    private Mono<ServerResponse> render(DriveReply reply) {
        if (reply instanceof DriveReply.Stream stream) {
            return ServerResponse.ok().headers(h -> h.addAll(stream.headers())).body(BodyInserters.fromDataBuffers(stream.body()));
        }
        DriveReply.Data data = (DriveReply.Data) reply;
        return envelope(200, Envelope.ok(data.data()), data.headers());
    }

    private Mono<ServerResponse> error(Throwable failure) {
        DriveException known = known(failure);
        return envelope(known.error().status(), Envelope.error(known.error(), known.getMessage()), HttpHeaders.EMPTY);
    }

    private static DriveException known(Throwable failure) {
        if (failure instanceof DriveException e) {
            return e;
        }
        if (failure instanceof DataBufferLimitException) {
            return DriveError.BAD_REQUEST.exception("the body is too large");
        }
        if (failure instanceof ServerWebInputException) {
            return DriveError.BAD_REQUEST.exception();
        }
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SdkException) {
            log.warn("drive storage call failed: {}", cause.toString());
            return DriveError.STORAGE_UNAVAILABLE.exception();
        }
        log.error("drive request failed", failure);
        return DriveError.INTERNAL.exception();
    }

    private Mono<ServerResponse> envelope(int status, Envelope envelope, HttpHeaders headers) {
        try {
            return ServerResponse.status(status).headers(h -> h.addAll(headers)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(json.writeValueAsBytes(envelope));
        } catch (IOException e) {
            return Mono.error(e);
        }
    }
}
