package dev.mocks3.s3.notification;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.notification.NotificationXml;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.notification.NotificationStore;
import reactor.core.publisher.Mono;

/** GET /bucket?notification — the stored configuration; an empty {@code NotificationConfiguration} when none. */
@Component("getBucketNotificationConfiguration")
public class GetBucketNotificationConfiguration extends OperationFunction {
    private final Lookups lookups;
    private final NotificationStore store;

    public GetBucketNotificationConfiguration(Lookups lookups, NotificationStore store) {
        this.lookups = lookups;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).then(store.find(bucket))
                .map(configuration -> Responses.xml(NotificationXml.render(configuration)));
    }
}
