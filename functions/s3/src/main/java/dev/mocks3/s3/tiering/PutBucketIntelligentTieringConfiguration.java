package dev.mocks3.s3.tiering;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** PUT /bucket?intelligent-tiering&id= — stores the Intelligent-Tiering configuration under its id, checked as S3 checks it. */
@Component("putBucketIntelligentTieringConfiguration")
public class PutBucketIntelligentTieringConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public PutBucketIntelligentTieringConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.put(call, IntelligentTieringConfiguration.KIND, IntelligentTieringConfiguration::check);
    }
}
