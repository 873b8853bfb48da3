package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.state.StateFixture;
import dev.mocks3.state.blob.StagedBlob;

class MultipartStoreTest {
    private final StateFixture state = new StateFixture();
    private final String bucket = state.newBucket();

    @Test
    void anOpenUploadIsFoundOnlyUnderItsOwnKey() {
        MultipartUpload upload = state.multipart.create(StateFixture.draft(bucket, "big.bin")).block();

        assertThat(state.multipart.find(bucket, "big.bin", upload.uploadId()).block()).isEqualTo(upload);
        assertThat(state.multipart.find(bucket, "other.bin", upload.uploadId()).blockOptional()).isEmpty();
    }

    @Test
    void uploadsAreListedByKeyAfterTheMarker() {
        state.multipart.create(StateFixture.draft(bucket, "b")).block();
        state.multipart.create(StateFixture.draft(bucket, "a")).block();
        state.multipart.create(StateFixture.draft(bucket, "c")).block();

        assertThat(state.multipart.list(bucket, "", "a", 10).map(u -> u.draft().key()).collectList().block())
                .containsExactly("b", "c");
    }

    @Test
    void aPartSentAgainReplacesTheEarlierOneAndReleasesIts() {
        MultipartUpload upload = state.multipart.create(StateFixture.draft(bucket, "k")).block();
        StagedBlob first = state.stage("part one " + UUID.randomUUID());
        StagedBlob again = state.stage("part one again " + UUID.randomUUID());

        state.multipart.putPart(upload.uploadId(), 1, first).block();
        state.multipart.putPart(upload.uploadId(), 1, again).block();

        assertThat(state.multipart.parts(upload.uploadId(), 0, 10).map(UploadedPart::blobSha256).collectList().block())
                .containsExactly(again.sha256());
        assertThat(state.referencesTo(first.sha256())).isZero();
        assertThat(state.blobFileExists(first.sha256())).isFalse();
    }

    @Test
    void partsArePagedByPartNumber() {
        MultipartUpload upload = state.multipart.create(StateFixture.draft(bucket, "k")).block();
        for (int number : new int[] {3, 1, 2}) {
            state.multipart.putPart(upload.uploadId(), number, state.stage("part " + number + " " + UUID.randomUUID())).block();
        }

        assertThat(state.multipart.parts(upload.uploadId(), 1, 10).map(UploadedPart::partNumber).collectList().block())
                .containsExactly(2, 3);
    }

    @Test
    void anAbortedUploadReleasesItsPartsButNotContentAnObjectStillUses() {
        String content = "used twice " + UUID.randomUUID();
        ObjectRecord object = state.writer.write(StateFixture.draft(bucket, "object"), state.stage(content), null).block();
        MultipartUpload upload = state.multipart.create(StateFixture.draft(bucket, "k")).block();
        state.multipart.putPart(upload.uploadId(), 1, state.stage(content)).block();
        StagedBlob only = state.stage("only in the upload " + UUID.randomUUID());
        state.multipart.putPart(upload.uploadId(), 2, only).block();

        assertThat(state.multipart.remove(upload.uploadId()).block()).isTrue();

        assertThat(state.multipart.find(bucket, "k", upload.uploadId()).blockOptional()).isEmpty();
        assertThat(state.referencesTo(only.sha256())).isZero();
        assertThat(state.blobFileExists(only.sha256())).isFalse();
        assertThat(state.referencesTo(object.blobSha256())).isEqualTo(1);
        assertThat(state.blobFileExists(object.blobSha256())).isTrue();
        assertThat(state.multipart.remove(upload.uploadId()).block()).isFalse();
    }
}
