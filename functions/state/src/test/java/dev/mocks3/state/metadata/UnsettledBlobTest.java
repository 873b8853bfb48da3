package dev.mocks3.state.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.state.StateFixture;

/**
 * A process that published a blob ahead of its row, committed the row and died before settling the
 * blob, after an unreferenced check had deleted the file (an overwrite dropped the last reference to
 * the same content meanwhile): the storage sweep puts the bytes it kept back, so the object reads; but not
 * when no row names them any more (an overwrite of the key released them since).
 */
class UnsettledBlobTest {
    private final StateFixture state = new StateFixture();
    private final String bucket = state.newBucket();

    @Test
    void theSweepPutsBackABlobThatADeadProcessKeptForSettling() throws Exception {
        String content = "kept " + UUID.randomUUID();
        ObjectRecord written = state.writer.write(StateFixture.draft(bucket, "k"), state.stage(content), null).block();
        state.blobs.delete(written.blobSha256()).block();
        Path dead = Files.createDirectories(state.dataDir.resolve("tmp").resolve("p-" + UUID.randomUUID()));
        Files.createFile(dead.resolve("lock"));
        Files.writeString(dead.resolve("kept-" + written.blobSha256() + "-" + UUID.randomUUID()), content);

        sweep();

        String read = DataBufferUtils.join(state.blobs.read(written.blobSha256(), 0, written.size()))
                .map(buffer -> buffer.toString(StandardCharsets.UTF_8)).block();
        assertThat(read).isEqualTo(content);
        assertThat(dead).doesNotExist();
    }

    @Test
    void theSweepLeavesGoneABlobADeadProcessKeptWhoseRowAnOverwriteReleased() throws Exception {
        String content = "kept then replaced " + UUID.randomUUID();
        ObjectRecord written = state.writer.write(StateFixture.draft(bucket, "k"), state.stage(content), null).block();
        state.writer.write(StateFixture.draft(bucket, "k"), state.stage("replacing " + UUID.randomUUID()), null).block();
        Path dead = Files.createDirectories(state.dataDir.resolve("tmp").resolve("p-" + UUID.randomUUID()));
        Files.createFile(dead.resolve("lock"));
        Files.writeString(dead.resolve("kept-" + written.blobSha256() + "-" + UUID.randomUUID()), content);

        sweep();

        assertThat(state.blobFileExists(written.blobSha256())).as("the released blob's file").isFalse();
        assertThat(dead).doesNotExist();
    }

    private void sweep() {
        new StorageSweep(state.db, state.tx, state.refs, state.blobs, state.staging, Duration.ofHours(1), Duration.ofHours(1))
                .sweep().block(Duration.ofSeconds(30));
    }
}
