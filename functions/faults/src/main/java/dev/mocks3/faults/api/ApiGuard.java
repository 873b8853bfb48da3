package dev.mocks3.faults.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.core.auth.SigV4Verifier;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.error.S3Exception;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * In front of every route of the rules API server: refuses browser requests from other origins
 * (403) and bodies that are not JSON (415), so a web page cannot add a rule; and, when
 * {@code authRequired}, lets in only a request signed with an S3 key (SigV4, any service name) or
 * carrying the bearer token. A signature that is present is always verified.
 */
final class ApiGuard implements HandlerFilterFunction<ServerResponse, ServerResponse> {
    private static final String BEARER = "Bearer ";
    /** The largest body a signed request may have: what the API's handlers read (the codecs' default limit). */
    private static final int SIGNED_BODY_LIMIT = 256 * 1024;
    private final SigV4Verifier verifier;
    private final String token;
    private final boolean authRequired;
    private final boolean loopback;

    /**
     * @param token the bearer token, or null for none
     * @param loopback the server listens on loopback only: unauthenticated requests must name localhost
     */
    ApiGuard(SigV4Verifier verifier, String token, boolean authRequired, boolean loopback) {
        this.verifier = verifier;
        this.token = token == null || token.isBlank() ? null : token;
        this.authRequired = authRequired;
        this.loopback = loopback;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        if (isCrossOrigin(headers)) {
            return refuse(request, HttpStatus.FORBIDDEN, "cross_origin",
                    "requests from another origin are refused (Origin / Sec-Fetch-Site)");
        }
        if (hasBody(headers) && !isJson(headers.getContentType())) {
            return refuse(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "request bodies must be JSON (Content-Type: application/json)");
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (token != null && authorization != null && authorization.startsWith(BEARER)) {
            return sameText(authorization.substring(BEARER.length()).strip(), token) ? next.handle(request)
                    : refuse(request, HttpStatus.FORBIDDEN, "access_denied", "wrong bearer token");
        }
        if (authorization == null && !authRequired) {
            // unauthenticated only on loopback: a Host of another name is a page that re-pointed its DNS at us
            return !loopback || isLoopbackName(headers.getFirst(HttpHeaders.HOST)) ? next.handle(request)
                    : refuse(request, HttpStatus.FORBIDDEN, "access_denied",
                            "without authentication this API answers only requests for localhost");
        }
        return BoundedBody.read(request, SIGNED_BODY_LIMIT).flatMap(read -> {
            if (read.tooLarge()) {
                return answer(read, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                        "request bodies of this API are at most " + SIGNED_BODY_LIMIT + " bytes");
            }
            if (read.tooSlow()) {
                return answer(read, HttpStatus.REQUEST_TIMEOUT, "request_timeout",
                        "the request body did not arrive within " + BoundedBody.DROP_TIME.toSeconds() + " s");
            }
            return verified(request, headers, read.kept(), next);
        });
    }

    private Mono<ServerResponse> verified(ServerRequest request, HttpHeaders headers, byte[] body,
                                          HandlerFunction<ServerResponse> next) {
        return verifier.verifyWithBody(asSignedRequest(request, headers), sha256(body))
                .flatMap(verification -> verification.anonymous()
                        ? ApiErrors.error(HttpStatus.FORBIDDEN, "access_denied", "this API needs a SigV4 "
                                + "signature made with an S3 access key, or the bearer token (mocks3.faults.api-token)")
                        : next.handle(withBody(request, body)))
                .onErrorResume(S3Exception.class, e -> ApiErrors.error(HttpStatus.FORBIDDEN, "access_denied",
                        e.code() + ": " + e.getMessage()));
    }

    /**
     * Answers a refusal after reading (and dropping) the body, chunked or not: a server that closes with
     * unread request bytes resets the connection, and the reset can reach the client before the answer
     * (or break the client's write before it reads one). See {@link BoundedBody} for the bounds.
     */
    private static Mono<ServerResponse> refuse(ServerRequest request, HttpStatus status, String error, String message) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        if (!hasBody(headers)) {
            return ApiErrors.error(status, error, message);
        }
        if (headers.getContentLength() > BoundedBody.DROP_LIMIT) {
            return ApiErrors.closingError(status, error, message);
        }
        return BoundedBody.read(request, 0).flatMap(read -> answer(read, status, error, message));
    }

    /** The error, closing the connection when the body was not read to its end. */
    private static Mono<ServerResponse> answer(BoundedBody.Read read, HttpStatus status, String error, String message) {
        return read.whole() ? ApiErrors.error(status, error, message) : ApiErrors.closingError(status, error, message);
    }

    /** A browser names the page's origin; a same-origin call (the API's own page) is still fine. */
    private static boolean isCrossOrigin(HttpHeaders headers) {
        if ("cross-site".equalsIgnoreCase(headers.getFirst("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = headers.getOrigin();
        String host = headers.getFirst(HttpHeaders.HOST);
        return origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host));
    }

    private static boolean isLoopbackName(String host) {
        if (host == null) {
            return true;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        name = name.toLowerCase(java.util.Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")
                || name.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsKey(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || "application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
    }

    private static S3Request asSignedRequest(ServerRequest request, HttpHeaders headers) {
        return new S3Request(UUID.randomUUID().toString(), request.method().name(), headers.getFirst(HttpHeaders.HOST),
                request.uri().getRawPath(), request.uri().getRawQuery(), null, null, request.queryParams(), headers,
                Flux.empty(), request.remoteAddress().orElse(null), Instant.now());
    }

    private static ServerRequest withBody(ServerRequest request, byte[] body) {
        return ServerRequest.from(request)
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))).build();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
