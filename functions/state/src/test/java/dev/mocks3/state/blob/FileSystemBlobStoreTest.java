package dev.mocks3.state.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBufferUtils;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class FileSystemBlobStoreTest {
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path root;

    /**
     * Once a reader subscribed, nothing holds the opened stream's Flux; a garbage collection during
     * the read must not close the file under it (the soak saw 10 % of large reads cut this way).
     */
    @Test
    void aSlowReadSurvivesGarbageCollectionsWhileItRuns() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] content = new byte[4 << 20];
        new Random(7).nextBytes(content);
        Path staged = Files.write(root.resolve("staged"), content);
        store.publish(new StagedBlob(staged, SHA, "", "", content.length)).block();

        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.start();
        try {
            Long read = store.open(SHA, 0, content.length)
                    .flatMapMany(bytes -> bytes)
                    .concatMap(buffer -> Flux.just(buffer).delayElements(Duration.ofMillis(2), Schedulers.parallel()))
                    .map(buffer -> {
                        long n = buffer.readableByteCount();
                        DataBufferUtils.release(buffer);
                        return n;
                    })
                    .reduce(0L, Long::sum)
                    .block(Duration.ofSeconds(60));
            assertThat(read).isEqualTo(content.length);
        } finally {
            collector.interrupt();
            collector.join();
        }
    }

    /** A small range (read whole when opened) is exactly its bytes, and stays readable when the blob is deleted right after. */
    @Test
    void aSmallRangeOpenedBeforeItsBlobIsDeletedIsReadWhole() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] content = new byte[4096];
        new Random(11).nextBytes(content);
        Path staged = Files.write(root.resolve("staged"), content);
        store.publish(new StagedBlob(staged, SHA, "", "", content.length)).block();

        Flux<org.springframework.core.io.buffer.DataBuffer> opened = store.open(SHA, 100, 1000).block();
        store.delete(SHA).block();
        var buffers = opened.collectList().block(Duration.ofSeconds(10));

        assertThat(buffers).hasSize(1);
        byte[] read = new byte[buffers.get(0).readableByteCount()];
        buffers.get(0).read(read);
        assertThat(read).isEqualTo(java.util.Arrays.copyOfRange(content, 100, 1100));
    }

    /**
     * A small range is read on the thread that asks for it (an event loop's: no hop to another scheduler and back
     * for a few microseconds of page-cached read); a larger one is opened off that thread, as it streams.
     */
    @Test
    void aSmallRangeIsReadOnTheCallersThreadALargeOneIsOpenedOffIt() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] content = new byte[FileSystemBlobStore.READ_AT_ONCE + 1];
        new Random(13).nextBytes(content);
        Path staged = Files.write(root.resolve("staged"), content);
        store.publish(new StagedBlob(staged, SHA, "", "", content.length)).block();

        String caller = Thread.currentThread().getName();
        String small = store.open(SHA, 0, FileSystemBlobStore.READ_AT_ONCE).map(opened -> Thread.currentThread().getName())
                .block(Duration.ofSeconds(10));
        String large = store.open(SHA, 0, content.length).map(opened -> {
            opened.subscribe(DataBufferUtils::release);
            return Thread.currentThread().getName();
        }).block(Duration.ofSeconds(10));

        assertThat(small).isEqualTo(caller);
        assertThat(large).isNotEqualTo(caller).startsWith("boundedElastic");
    }

    /**
     * A blob published ahead of its row, then deleted by an unreferenced check that ran before the row
     * committed: after the commit it is not in place, its staged file stays, and putting it back (which
     * the caller does under the hash's lock while a row names it) makes it readable again.
     */
    @Test
    void aBlobDeletedBetweenItsAheadPublicationAndTheCommitCanBePutBackFromItsStagedFile() throws Exception {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] content = new byte[4096];
        new Random(13).nextBytes(content);
        StagedBlob staged = new StagedBlob(Files.write(root.resolve("staged"), content), SHA, "", "", content.length);

        store.publishAhead(staged);
        store.delete(SHA).block();
        assertThat(store.dropIfInPlace(staged)).isFalse();
        store.putBack(staged);

        var buffers = store.read(SHA, 0, content.length).collectList().block(Duration.ofSeconds(10));
        byte[] read = new byte[buffers.get(0).readableByteCount()];
        buffers.get(0).read(read);
        assertThat(read).isEqualTo(content);
        assertThat(store.dropIfInPlace(staged)).isTrue();
        assertThat(staged.file()).doesNotExist();
    }
}
