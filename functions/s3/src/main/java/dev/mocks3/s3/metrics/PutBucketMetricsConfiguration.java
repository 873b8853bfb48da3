package dev.mocks3.s3.metrics;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** PUT /bucket?metrics&id= — stores the metrics configuration under its id, checked as S3 checks it. */
@Component("putBucketMetricsConfiguration")
public class PutBucketMetricsConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public PutBucketMetricsConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.put(call, MetricsConfiguration.KIND, MetricsConfiguration::check);
    }
}
