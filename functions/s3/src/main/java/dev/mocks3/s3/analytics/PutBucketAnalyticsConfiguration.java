package dev.mocks3.s3.analytics;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** PUT /bucket?analytics&id= — stores the storage class analysis configuration under its id, checked as S3 checks it. */
@Component("putBucketAnalyticsConfiguration")
public class PutBucketAnalyticsConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public PutBucketAnalyticsConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.put(call, AnalyticsConfiguration.KIND, AnalyticsConfiguration::check);
    }
}
