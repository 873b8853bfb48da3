package dev.mocks3.s3.notification;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.notification.NotificationConfiguration;
import dev.mocks3.core.notification.NotificationRule;
import dev.mocks3.core.notification.NotificationXml;
import dev.mocks3.events.delivery.NotificationsProperties;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.notification.NotificationStore;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket?notification — replaces the bucket's notification configuration (an empty one turns
 * notifications off). Every ARN must end in the name of a configured destination
 * ({@code mocks3.notifications.destinations.<name>}) unless {@code x-amz-skip-destination-validation: true}.
 */
@Component("putBucketNotificationConfiguration")
public class PutBucketNotificationConfiguration extends OperationFunction {
    private final Lookups lookups;
    private final NotificationStore store;
    private final NotificationsProperties notifications;

    public PutBucketNotificationConfiguration(Lookups lookups, NotificationStore store, NotificationsProperties notifications) {
        this.lookups = lookups;
        this.store = store;
        this.notifications = notifications;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        boolean skipValidation = "true".equalsIgnoreCase(call.request().header("x-amz-skip-destination-validation"));
        return lookups.bucket(bucket)
                .then(SmallBody.read(call.request().body()))
                .map(NotificationXml::parse)
                .doOnNext(configuration -> {
                    if (!skipValidation) {
                        checkDestinations(configuration);
                    }
                })
                .flatMap(configuration -> store.put(bucket, configuration))
                .map(stored -> {
                    if (!stored) { // the bucket went away since it was looked up
                        throw S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket);
                    }
                    return Responses.empty(200);
                });
    }

    /** As S3 answers a target it cannot publish to: InvalidArgument, each unknown ARN as ArgumentName&lt;n&gt;. */
    private void checkDestinations(NotificationConfiguration configuration) {
        List<String> unknown = configuration.rules().stream().map(NotificationRule::arn).distinct()
                .filter(arn -> !notifications.destinations().containsKey(NotificationRule.destinationOf(arn))).toList();
        if (unknown.isEmpty()) {
            return;
        }
        S3Exception error = S3Error.INVALID_ARGUMENT.exception("Unable to validate the following destination configurations");
        for (int i = 0; i < unknown.size(); i++) {
            error = error.with("ArgumentName" + (i + 1), unknown.get(i)).with("ArgumentValue" + (i + 1),
                    "No destination named '" + NotificationRule.destinationOf(unknown.get(i))
                            + "' is configured (mocks3.notifications.destinations." + NotificationRule.destinationOf(unknown.get(i)) + ")");
        }
        throw error;
    }
}
