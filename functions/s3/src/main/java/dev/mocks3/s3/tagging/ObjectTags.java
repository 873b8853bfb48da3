package dev.mocks3.s3.tagging;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.ObjectTagger;
import dev.mocks3.state.notification.ChangeCause;
import reactor.core.publisher.Mono;

/** What PutObjectTagging and DeleteObjectTagging share: replace the tags of the version the request names. */
@Component
public class ObjectTags {
    private final Lookups lookups;
    private final ObjectTagger tagger;

    public ObjectTags(Lookups lookups, ObjectTagger tagger) {
        this.lookups = lookups;
        this.tagger = tagger;
    }

    /**
     * Sets the tags and answers {@code status} with the version's id; a missing key or version, or a
     * delete marker, is answered with the error a read of it would get. Notifications hear of it as {@code eventName}.
     */
    Mono<S3Response> replace(S3Call call, Mono<Map<String, String>> tags, int status, String eventName) {
        S3Request request = call.request();
        String versionId = RequestedVersion.of(request);
        return lookups.bucket(request.bucket())
                .then(tags)
                .flatMap(wanted -> tagger.retag(request.bucket(), request.key(), versionId, wanted,
                        ChangeCause.of(call, eventName)))
                .flatMap(version -> version.deleteMarker() ? Mono.empty() : Mono.just(version))
                .switchIfEmpty(Mono.defer(() -> lookups.object(request.bucket(), request.key(), versionId)
                        .then(Mono.error(() -> S3Error.NO_SUCH_KEY.at("/" + request.bucket() + "/" + request.key())))))
                .map(version -> {
                    S3Response response = Responses.empty(status);
                    if (versionId != null || version.object().versionId() != null) {
                        response.headers().set(ObjectHeaders.VERSION_ID, version.object().versionIdOrNull());
                    }
                    return response;
                });
    }
}
