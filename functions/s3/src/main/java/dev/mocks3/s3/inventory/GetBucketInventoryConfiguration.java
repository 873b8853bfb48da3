package dev.mocks3.s3.inventory;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.ConfigurationsById;
import reactor.core.publisher.Mono;

/** GET /bucket?inventory&id= — the inventory configuration with that id, or 404 NoSuchConfiguration. */
@Component("getBucketInventoryConfiguration")
public class GetBucketInventoryConfiguration extends OperationFunction {
    private final ConfigurationsById configurations;

    public GetBucketInventoryConfiguration(ConfigurationsById configurations) {
        this.configurations = configurations;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return configurations.get(call, InventoryConfiguration.KIND);
    }
}
