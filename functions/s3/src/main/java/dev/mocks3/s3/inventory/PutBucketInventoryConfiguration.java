package dev.mocks3.s3.inventory;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** PUT /bucket?inventory&id= — stores the inventory configuration under its id, checked as S3 checks it. */
@Component("putBucketInventoryConfiguration")
public class PutBucketInventoryConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public PutBucketInventoryConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.put(call, InventoryConfiguration.KIND, InventoryConfiguration::check);
    }
}
