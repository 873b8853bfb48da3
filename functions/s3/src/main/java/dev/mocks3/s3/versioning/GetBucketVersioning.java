package dev.mocks3.s3.versioning;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import reactor.core.publisher.Mono;

/** GET /bucket?versioning — the Status, or an empty configuration for a bucket never versioned. */
@Component("getBucketVersioning")
public class GetBucketVersioning extends OperationFunction {
    private final Lookups lookups;

    public GetBucketVersioning(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return lookups.bucket(call.request().bucket())
                .map(bucket -> Responses.xml(XmlWriter.document("VersioningConfiguration")
                        .element("Status", bucket.versioning().status())
                        .finishBytes("VersioningConfiguration")));
    }
}
