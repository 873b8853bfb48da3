package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.state.StateFixture;
import dev.mocks3.state.blob.AheadPublishing;
import dev.mocks3.state.blob.FileSystemBlobStore;
import dev.mocks3.state.blob.ForwardingBlobStore;
import dev.mocks3.state.blob.StagedBlob;

/**
 * A PutObject whose blob is published ahead of its row (one autocommit statement), with another write
 * stepping in at the two moments that matter: between the publication and the commit, and between the
 * commit and the settling. Every blob a row names is readable afterwards, and no file is left that no
 * row names (StorageSweepTest.concurrentFirstWritesLeaveOneBlobPerContent, once seen failing in CI).
 */
class AheadPublishedBlobTest {
    private final StateFixture state = new StateFixture();
    private final String bucket = state.newBucket();

    @Test
    void aBlobAnOverwriteReleasedBeforeItWasSettledStaysGone() {
        String first = "first " + UUID.randomUUID();
        String second = "second " + UUID.randomUUID();
        ObjectWriter racing = state.writerOver(new SteppedIn(state.blobs, () -> { },
                () -> state.writer.write(StateFixture.draft(bucket, "k"), state.stage(second), null).block()));

        ObjectRecord written = racing.write(StateFixture.draft(bucket, "k"), state.stage(first), null)
                .block(Duration.ofSeconds(30));

        assertThat(read("k")).isEqualTo(second);
        assertThat(state.referencesTo(written.blobSha256())).isZero();
        assertThat(state.blobFileExists(written.blobSha256())).as("the replaced blob's file").isFalse();
        assertThat(keptFiles()).isEmpty();
    }

    @Test
    void aBlobAnUnreferencedCheckTookBeforeTheCommitIsPutBack() {
        String content = "shared " + UUID.randomUUID();
        state.writer.write(StateFixture.draft(bucket, "other"), state.stage(content), null).block();
        ObjectWriter racing = state.writerOver(new SteppedIn(state.blobs,
                () -> state.writer.write(StateFixture.draft(bucket, "other"), state.stage("replacing " + UUID.randomUUID()),
                        null).block(), () -> { }));

        ObjectRecord written = racing.write(StateFixture.draft(bucket, "k"), state.stage(content), null)
                .block(Duration.ofSeconds(30));

        assertThat(read("k")).isEqualTo(content);
        assertThat(state.referencesTo(written.blobSha256())).isEqualTo(1);
        assertThat(keptFiles()).isEmpty();
    }

    @Test
    void aWriteWhoseBlobCannotBeSettledAfterItsCommitSucceedsAndIsSettledLater() throws InterruptedException {
        String content = "settled later " + UUID.randomUUID();
        AtomicBoolean failed = new AtomicBoolean();
        ObjectWriter settlingFailsOnce = state.writerOver(new SteppedIn(state.blobs, () -> { }, () -> {
            if (failed.compareAndSet(false, true)) {
                throw new java.io.UncheckedIOException(new java.io.IOException("disk away for a moment"));
            }
        }));

        ObjectRecord written = settlingFailsOnce.write(StateFixture.draft(bucket, "k"), state.stage(content), null)
                .block(Duration.ofSeconds(30));

        assertThat(failed).as("settling failed once after the commit").isTrue();
        assertThat(read("k")).isEqualTo(content);
        assertThat(state.referencesTo(written.blobSha256())).isEqualTo(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!keptFiles().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(keptFiles()).as("the staged file, settled in the background").isEmpty();
        assertThat(state.blobFileExists(written.blobSha256())).isTrue();
    }

    private String read(String key) {
        ObjectRecord record = state.objects.find(bucket, key).block();
        return DataBufferUtils.join(state.blobs.read(record.blobSha256(), 0, record.size()))
                .map(buffer -> buffer.toString(StandardCharsets.UTF_8)).block(Duration.ofSeconds(10));
    }

    private List<String> keptFiles() {
        try (Stream<java.nio.file.Path> files = Files.list(state.staging.tmpDir())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("kept-")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The fixture's blob store, where another write (or a failure) steps in, once each, right after the blob is published ahead
     * and right after the row committed, before the blob is settled.
     */
    private static final class SteppedIn extends ForwardingBlobStore implements AheadPublishing {
        private final FileSystemBlobStore blobs;
        private final Runnable afterPublication;
        private final Runnable afterCommit;
        private final AtomicBoolean published = new AtomicBoolean();
        private final AtomicBoolean committed = new AtomicBoolean();

        SteppedIn(FileSystemBlobStore blobs, Runnable afterPublication, Runnable afterCommit) {
            super(blobs);
            this.blobs = blobs;
            this.afterPublication = afterPublication;
            this.afterCommit = afterCommit;
        }

        @Override
        public Optional<AheadPublishing> aheadPublishing() {
            return Optional.of(this);
        }

        @Override
        public Optional<AheadPublishing> settling() {
            return aheadPublishing();
        }

        @Override
        public void publishAhead(StagedBlob staged) {
            blobs.publishAhead(staged);
            if (published.compareAndSet(false, true)) {
                afterPublication.run();
            }
        }

        @Override
        public boolean dropIfInPlace(StagedBlob staged) {
            if (committed.compareAndSet(false, true)) {
                afterCommit.run();
            }
            return blobs.dropIfInPlace(staged);
        }

        @Override
        public void putBack(StagedBlob staged) {
            blobs.putBack(staged);
        }
    }
}
