package dev.mocks3.s3.tiering;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** DELETE /bucket?intelligent-tiering&id= — 204, or 404 NoSuchConfiguration when there is none with that id. */
@Component("deleteBucketIntelligentTieringConfiguration")
public class DeleteBucketIntelligentTieringConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public DeleteBucketIntelligentTieringConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.delete(call, IntelligentTieringConfiguration.KIND);
    }
}
