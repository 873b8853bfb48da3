package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mocks3.state.StateFixture;

class BucketStoreTest {
    private final StateFixture state = new StateFixture();

    @Test
    void aCreatedBucketIsFoundWithItsOwnerAndRegion() {
        String name = "created-" + System.nanoTime();
        assertThat(state.buckets.create(name, "alice", "eu-west-1").block()).isTrue();

        BucketRecord found = state.buckets.find(name).block();
        assertThat(found).isNotNull();
        assertThat(found.owner()).isEqualTo("alice");
        assertThat(found.region()).isEqualTo("eu-west-1");
        assertThat(found.createdAt()).isAfter(java.time.Instant.now().minusSeconds(60));
    }

    @Test
    void creatingAnExistingBucketFailsAndKeepsTheFirstOwner() {
        String name = state.newBucket();
        assertThat(state.buckets.create(name, "mallory", "us-west-2").block()).isFalse();
        assertThat(state.buckets.find(name).block().owner()).isEqualTo("owner-key");
    }

    @Test
    void allListsBucketsByName() {
        String second = "zz-" + state.newBucket();
        String first = "aa-" + state.newBucket();
        state.buckets.create(second, "o", "us-east-1").block();
        state.buckets.create(first, "o", "us-east-1").block();

        assertThat(state.buckets.all().map(BucketRecord::name).collectList().block())
                .isSorted().contains(first, second);
    }

    @Test
    void anEmptyBucketIsDeletedAndThenMissing() {
        String name = state.newBucket();
        assertThat(state.buckets.deleteIfEmpty(name).block()).isEqualTo(BucketStore.DeleteOutcome.DELETED);
        assertThat(state.buckets.find(name).blockOptional()).isEmpty();
        assertThat(state.buckets.deleteIfEmpty(name).block()).isEqualTo(BucketStore.DeleteOutcome.MISSING);
    }

    @Test
    void aBucketHoldingAnObjectOrAnUploadIsNotDeleted() {
        String withObject = state.newBucket();
        state.writer.write(StateFixture.draft(withObject, "k"), state.stage("object of " + withObject), null).block();
        String withUpload = state.newBucket();
        state.multipart.create(StateFixture.draft(withUpload, "k")).block();

        assertThat(state.buckets.deleteIfEmpty(withObject).block()).isEqualTo(BucketStore.DeleteOutcome.NOT_EMPTY);
        assertThat(state.buckets.deleteIfEmpty(withUpload).block()).isEqualTo(BucketStore.DeleteOutcome.NOT_EMPTY);
        assertThat(state.buckets.find(withObject).blockOptional()).isPresent();
    }
}
