package dev.mocks3.core.call;

import dev.mocks3.core.error.S3Exception;
import reactor.core.publisher.Mono;

/**
 * Headers an error answer carries besides the error's own: a browser reads a cross-origin 403 or
 * 404 only when it carries the bucket's CORS headers, as S3 sends them.
 */
@FunctionalInterface
public interface ErrorHeaders {

    /** The error to answer {@code request} with, headers added where they apply. */
    Mono<S3Exception> decorate(S3Request request, S3Exception error);
}
