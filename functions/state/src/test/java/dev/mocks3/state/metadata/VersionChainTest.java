package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.StateFixture;
import dev.mocks3.state.notification.ChangeCause;

/** The version chain of a key and the blob references its versions hold. */
class VersionChainTest {
    private static final ChangeCause DELETE = ChangeCause.internal(S3EventNames.OBJECT_REMOVED_DELETE);
    private static final ChangeCause TAGGING = ChangeCause.internal(S3EventNames.OBJECT_TAGGING_PUT);
    private final StateFixture state = new StateFixture();

    @Test
    void anOverwriteInAVersionedBucketKeepsTheOldVersionAndItsBlob() {
        String bucket = state.newBucket(Versioning.ENABLED);
        ObjectRecord first = put(bucket, "k", "first " + UUID.randomUUID());
        ObjectRecord second = put(bucket, "k", "second " + UUID.randomUUID());

        assertThat(first.versionId()).isNotNull().isNotEqualTo(second.versionId());
        assertThat(state.referencesTo(first.blobSha256())).isEqualTo(1);
        assertThat(state.blobFileExists(first.blobSha256())).isTrue();
        assertThat(state.objects.find(bucket, "k").block().versionId()).isEqualTo(second.versionId());
        ObjectVersion old = state.versions.find(bucket, "k", first.versionId()).block();
        assertThat(old.object().blobSha256()).isEqualTo(first.blobSha256());
        assertThat(old.latest()).isFalse();
        assertThat(state.versions.find(bucket, "k", second.versionId()).block().latest()).isTrue();
    }

    @Test
    void anUnversionedBucketStillReplacesAndReleases() {
        String bucket = state.newBucket();
        ObjectRecord first = put(bucket, "k", "first " + UUID.randomUUID());
        ObjectRecord second = put(bucket, "k", "second " + UUID.randomUUID());

        assertThat(second.versionId()).isNull();
        assertThat(state.referencesTo(first.blobSha256())).isZero();
        assertThat(state.blobFileExists(first.blobSha256())).isFalse();
        assertThat(versionCount(bucket, "k")).isZero();
    }

    @Test
    void aDeleteAddsAMarkerThatHidesTheObjectAndDeletingTheMarkerBringsItBack() {
        String bucket = state.newBucket(Versioning.ENABLED);
        ObjectRecord object = put(bucket, "k", "kept " + UUID.randomUUID());

        Deletion marker = state.writer.delete(bucket, "k", null, DELETE).block();
        assertThat(marker.deleteMarker()).isTrue();
        assertThat(state.objects.find(bucket, "k").blockOptional()).isEmpty();
        assertThat(state.versions.newestNoncurrent(bucket, "k").block().deleteMarker()).isTrue();
        assertThat(state.referencesTo(object.blobSha256())).isEqualTo(1);

        Deletion removedMarker = state.writer.delete(bucket, "k", marker.versionId(), DELETE).block();
        assertThat(removedMarker.deleteMarker()).isTrue();
        ObjectRecord back = state.objects.find(bucket, "k").block();
        assertThat(back.versionId()).isEqualTo(object.versionId());
        assertThat(back.blobSha256()).isEqualTo(object.blobSha256());
    }

    @Test
    void deletingAVersionFreesItsBlobOnlyWhenNoOtherRowRefersToIt() {
        String bucket = state.newBucket(Versioning.ENABLED);
        String shared = "shared " + UUID.randomUUID();
        ObjectRecord v1 = put(bucket, "k", shared);
        ObjectRecord v2 = put(bucket, "k", "other " + UUID.randomUUID());
        ObjectRecord v3 = put(bucket, "k", shared);
        String unversioned = state.newBucket();
        put(unversioned, "elsewhere", shared);
        assertThat(state.referencesTo(v1.blobSha256())).isEqualTo(3);

        state.writer.delete(bucket, "k", v1.versionId(), DELETE).block();
        assertThat(state.referencesTo(v1.blobSha256())).isEqualTo(2);
        state.writer.delete(bucket, "k", v3.versionId(), DELETE).block();
        assertThat(state.referencesTo(v1.blobSha256())).isEqualTo(1);
        assertThat(state.blobFileExists(v1.blobSha256())).isTrue();
        // v3 was current: v2 is current again
        assertThat(state.objects.find(bucket, "k").block().versionId()).isEqualTo(v2.versionId());

        state.writer.delete(unversioned, "elsewhere").block();
        assertThat(state.referencesTo(v1.blobSha256())).isZero();
        assertThat(state.blobFileExists(v1.blobSha256())).isFalse();

        state.writer.delete(bucket, "k", v2.versionId(), DELETE).block();
        assertThat(state.referencesTo(v2.blobSha256())).isZero();
        assertThat(state.blobFileExists(v2.blobSha256())).isFalse();
        assertThat(state.objects.find(bucket, "k").blockOptional()).isEmpty();
        assertThat(versionCount(bucket, "k")).isZero();
    }

    @Test
    void suspendedVersioningReplacesOnlyTheNullVersion() {
        String bucket = state.newBucket();
        ObjectRecord beforeVersioning = put(bucket, "k", "pre " + UUID.randomUUID());
        state.buckets.setVersioning(bucket, Versioning.ENABLED).block();
        ObjectRecord versioned = put(bucket, "k", "versioned " + UUID.randomUUID());
        state.buckets.setVersioning(bucket, Versioning.SUSPENDED).block();

        ObjectRecord suspended = put(bucket, "k", "suspended " + UUID.randomUUID());
        assertThat(suspended.versionId()).isNull();
        // the null version written before versioning was enabled is replaced, the versioned one kept
        assertThat(state.referencesTo(beforeVersioning.blobSha256())).isZero();
        assertThat(state.blobFileExists(beforeVersioning.blobSha256())).isFalse();
        assertThat(state.referencesTo(versioned.blobSha256())).isEqualTo(1);

        ObjectRecord again = put(bucket, "k", "again " + UUID.randomUUID());
        assertThat(state.referencesTo(suspended.blobSha256())).isZero();
        assertThat(versionCount(bucket, "k")).isEqualTo(1);

        Deletion marker = state.writer.delete(bucket, "k", null, DELETE).block();
        assertThat(marker.versionId()).isEqualTo(VersionIds.NULL);
        assertThat(state.referencesTo(again.blobSha256())).isZero();
        assertThat(state.versions.find(bucket, "k", VersionIds.NULL).block().deleteMarker()).isTrue();
        assertThat(state.versions.find(bucket, "k", versioned.versionId()).block().object().blobSha256())
                .isEqualTo(versioned.blobSha256());
    }

    @Test
    void theSweepCountsTheBlobsOfEveryVersion() {
        String bucket = state.newBucket(Versioning.ENABLED);
        ObjectRecord old = put(bucket, "k", "old " + UUID.randomUUID());
        put(bucket, "k", "new " + UUID.randomUUID());
        state.writer.delete(bucket, "k", null, DELETE).block();
        state.db.sql("update blobs set ref_count = 7 where sha256 = $1").bind(0, old.blobSha256()).then().block();

        new StorageSweep(state.db, state.tx, state.refs, state.blobs, state.staging, Duration.ofHours(1), Duration.ofHours(1))
                .sweep().block();

        assertThat(state.referencesTo(old.blobSha256())).isEqualTo(1);
        assertThat(state.blobFileExists(old.blobSha256())).isTrue();
    }

    @Test
    void listingVersionsGoesByKeyThenNewestFirstAndMarksTheLatest() {
        String bucket = state.newBucket(Versioning.ENABLED);
        ObjectRecord a1 = put(bucket, "a", "a1 " + UUID.randomUUID());
        ObjectRecord a2 = put(bucket, "a", "a2 " + UUID.randomUUID());
        Deletion b = state.writer.delete(bucket, "b", null, DELETE).block();

        List<ObjectVersion> page = state.versions.page(bucket, "", "", Long.MIN_VALUE, 10).collectList().block();
        assertThat(page).extracting(v -> v.object().key() + "/" + v.object().versionIdOrNull() + "/" + v.latest() + "/" + v.deleteMarker())
                .containsExactly("a/" + a2.versionId() + "/true/false", "a/" + a1.versionId() + "/false/false",
                        "b/" + b.versionId() + "/true/true");
        List<ObjectVersion> afterFirst = state.versions.page(bucket, "", "a", page.get(0).seq(), 10).collectList().block();
        assertThat(afterFirst).extracting(v -> v.object().versionIdOrNull()).containsExactly(a1.versionId(), b.versionId());
    }

    @Test
    void tagsFollowTheVersionTheyWereSetOn() {
        String bucket = state.newBucket(Versioning.ENABLED);
        ObjectRecord v1 = put(bucket, "k", "v1 " + UUID.randomUUID());
        state.tagger.retag(bucket, "k", null, Map.of("colour", "blue"), TAGGING).block();
        put(bucket, "k", "v2 " + UUID.randomUUID());

        assertThat(state.versions.find(bucket, "k", v1.versionId()).block().object().tags()).containsEntry("colour", "blue");
        assertThat(state.objects.find(bucket, "k").block().tags()).isEmpty();
        state.tagger.retag(bucket, "k", v1.versionId(), Map.of(), TAGGING).block();
        assertThat(state.versions.find(bucket, "k", v1.versionId()).block().object().tags()).isEmpty();
    }

    private ObjectRecord put(String bucket, String key, String content) {
        return state.writer.write(StateFixture.draft(bucket, key), state.stage(content), null).block();
    }

    private long versionCount(String bucket, String key) {
        return state.db.sql("select count(*) from object_versions where bucket = $1 and key = $2").bind(0, bucket).bind(1, key)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
