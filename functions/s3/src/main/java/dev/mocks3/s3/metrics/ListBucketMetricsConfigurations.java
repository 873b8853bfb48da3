package dev.mocks3.s3.metrics;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** GET /bucket?metrics — the bucket's metrics configurations by id, 100 a page, with continuation tokens. */
@Component("listBucketMetricsConfigurations")
public class ListBucketMetricsConfigurations extends OperationFunction {
    private final ConfigurationsById configurations;

    public ListBucketMetricsConfigurations(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.list(call, MetricsConfiguration.KIND);
    }
}
