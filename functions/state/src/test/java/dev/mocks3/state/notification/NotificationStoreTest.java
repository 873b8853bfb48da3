package dev.mocks3.state.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.notification.NotificationConfiguration;
import dev.mocks3.core.notification.NotificationRule;
import dev.mocks3.state.StateFixture;

/** Notification configurations on a real PostgreSQL. */
class NotificationStoreTest {
    private final StateFixture state = new StateFixture();
    private final NotificationStore store = new NotificationStore(state.db);
    private final NotificationConfiguration configuration = new NotificationConfiguration(List.of(new NotificationRule(
            "on-put", NotificationRule.Kind.QUEUE, "arn:aws:sqs:us-east-1:000000000000:sink", List.of("s3:ObjectCreated:*"), "in/", null)));

    @Test
    void aConfigurationIsStoredReadAndRemovedByAnEmptyOne() {
        String bucket = state.newBucket();

        assertThat(store.put(bucket, configuration).block()).isTrue();
        assertThat(store.find(bucket).block()).isEqualTo(configuration);
        assertThat(store.put(bucket, NotificationConfiguration.EMPTY).block()).isTrue();
        assertThat(store.find(bucket).block()).isEqualTo(NotificationConfiguration.EMPTY);
    }

    @Test
    void aBucketDeletedSinceItWasLookedUpIsAnsweredFalseNotADatabaseError() {
        String bucket = state.newBucket();
        state.buckets.deleteIfEmpty(bucket).block();

        assertThat(store.put(bucket, configuration).block()).isFalse();
    }
}
