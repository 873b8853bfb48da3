package dev.mocks3.s3.tiering;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** GET /bucket?intelligent-tiering&id= — the Intelligent-Tiering configuration with that id, or 404 NoSuchConfiguration. */
@Component("getBucketIntelligentTieringConfiguration")
public class GetBucketIntelligentTieringConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public GetBucketIntelligentTieringConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.get(call, IntelligentTieringConfiguration.KIND);
    }
}
