package dev.mocks3.s3.access;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.RequestedVersion;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import reactor.core.publisher.Mono;

/** GET /bucket/key?acl — the ACL of the object (or of the version {@code versionId}); the owner's full control when none was set. */
@Component("getObjectAcl")
public class GetObjectAcl extends OperationFunction {
    private final Lookups lookups;

    public GetObjectAcl(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return lookups.object(call.request().bucket(), call.request().key(), RequestedVersion.of(call.request()))
                .map(object -> Responses.xml(ObjectAcl.of(object).xml().getBytes(StandardCharsets.UTF_8)));
    }
}
