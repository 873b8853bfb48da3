package dev.mocks3.s3.cors;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/**
 * OPTIONS /bucket[/key] — a browser's CORS preflight, answered by the first CORS rule that allows its
 * Origin, Access-Control-Request-Method and every Access-Control-Request-Headers; 403 when none does.
 */
@Component("corsPreflight")
public class CorsPreflight extends OperationFunction {
    private final Lookups lookups;
    private final BucketConfigurationStore store;

    public CorsPreflight(Lookups lookups, BucketConfigurationStore store) {
        this.lookups = lookups;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        S3Request request = call.request();
        String origin = request.header("Origin");
        String method = request.header("Access-Control-Request-Method");
        if (origin == null) {
            throw S3Error.CORS_BAD_REQUEST.exception();
        }
        if (method == null) {
            throw S3Error.CORS_BAD_REQUEST.exception("Invalid Access-Control-Request-Method: null");
        }
        List<String> headers = requestHeaders(request.header("Access-Control-Request-Headers"));
        String bucket = request.bucket();
        return lookups.bucket(bucket).then(store.find(bucket, BucketSetting.CORS))
                .switchIfEmpty(Mono.error(() -> S3Error.CORS_NOT_ALLOWED.exception("CORSResponse: CORS is not enabled for this bucket.")))
                .map(document -> {
                    CorsRule rule = CorsConfiguration.parse(document).match(origin, method, headers)
                            .orElseThrow(() -> S3Error.CORS_NOT_ALLOWED.exception().with("Method", method)
                                    .with("ResourceType", request.key() == null ? "BUCKET" : "OBJECT"));
                    S3Response response = Responses.empty(200);
                    rule.writeTo(response.headers(), origin, headers, true);
                    return response;
                });
    }

    static List<String> requestHeaders(String value) {
        return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }
}
