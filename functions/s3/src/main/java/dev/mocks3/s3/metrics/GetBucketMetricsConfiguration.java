package dev.mocks3.s3.metrics;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** GET /bucket?metrics&id= — the metrics configuration with that id, or 404 NoSuchConfiguration. */
@Component("getBucketMetricsConfiguration")
public class GetBucketMetricsConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public GetBucketMetricsConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.get(call, MetricsConfiguration.KIND);
    }
}
