package dev.mocks3.s3.analytics;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** DELETE /bucket?analytics&id= — 204, or 404 NoSuchConfiguration when there is none with that id. */
@Component("deleteBucketAnalyticsConfiguration")
public class DeleteBucketAnalyticsConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public DeleteBucketAnalyticsConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.delete(call, AnalyticsConfiguration.KIND);
    }
}
