package dev.mocks3.s3.encryption;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?encryption — sets the default encryption of objects written without encryption headers. */
@Component("putBucketEncryption")
public class PutBucketEncryption extends OperationFunction {
    private final BucketDocuments documents;

    public PutBucketEncryption(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.put(call, BucketSetting.ENCRYPTION, 200,
                body -> new String(BucketEncryption.parse(body).xml(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
