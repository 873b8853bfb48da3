package dev.mocks3.state.blob;

import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.mocks3.core.error.S3Error;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Blobs as files under {@code root/ab/cd/<sha256>}; a rename makes new content visible atomically. */
public final class FileSystemBlobStore implements BlobStore {
    private static final int READ_BUFFER = 64 * 1024;
    private final Path root;
    private final DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    public FileSystemBlobStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create blob folder " + root, e);
        }
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public Mono<Void> publish(StagedBlob staged) {
        return Mono.fromCallable(() -> {
            Path target = pathOf(staged.sha256());
            if (Files.exists(target)) {
                Files.deleteIfExists(staged.file());
                return null;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Flux<DataBuffer> read(String sha256, long offset, long length) {
        if (length == 0) {
            return Flux.empty();
        }
        Path path = pathOf(sha256);
        Flux<DataBuffer> bytes = DataBufferUtils.readAsynchronousFileChannel(
                () -> AsynchronousFileChannel.open(path, StandardOpenOption.READ), offset, buffers, READ_BUFFER);
        return DataBufferUtils.takeUntilByteCount(bytes, length)
                .onErrorMap(java.nio.file.NoSuchFileException.class,
                        e -> S3Error.INTERNAL_ERROR.exception("The object's content is missing from the blob store"));
    }

    @Override
    public Mono<Void> delete(String sha256) {
        return Mono.fromCallable(() -> Files.deleteIfExists(pathOf(sha256)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Mono<Void> probe() {
        return Mono.fromCallable(() -> {
            if (!Files.isDirectory(root) || !Files.isWritable(root)) {
                throw new IOException("blob folder " + root + " is missing or not writable");
            }
            return root;
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
