package dev.mocks3.state.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Blobs as files under {@code root/ab/cd/<sha256>}; a rename makes new content visible atomically. */
public final class FileSystemBlobStore implements BlobStore, AheadPublishing {
    private static final int READ_BUFFER = 64 * 1024;
    /**
     * Ranges up to this size are read whole when opened, into a buffer of their own size: a small GET
     * then costs one read and no asynchronous channel (which filled a 64 KiB buffer per 4 KiB object).
     */
    static final int READ_AT_ONCE = READ_BUFFER;
    // closes a file opened for a response body that was dropped before anyone read it (an injected error)
    private static final Cleaner UNREAD_FILES = Cleaner.create();
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
    public java.util.Optional<AheadPublishing> aheadPublishing() {
        return java.util.Optional.of(this);
    }

    /** A hard link to the staged file: the blob and the staged file are one inode until it is settled. */
    @Override
    public void publishAhead(StagedBlob staged) {
        linkIfMissing(staged);
    }

    @Override
    public boolean dropIfInPlace(StagedBlob staged) {
        if (!Files.exists(pathOf(staged.sha256()))) {
            return false;
        }
        BlobStaging.deleteQuietly(staged.file());
        return true;
    }

    @Override
    public void putBack(StagedBlob staged) {
        if (Files.exists(staged.file())) {
            linkIfMissing(staged);
        }
    }

    private void linkIfMissing(StagedBlob staged) {
        Path target = pathOf(staged.sha256());
        if (Files.exists(target)) {
            return;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.createLink(target, staged.file());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // an upload of the same content linked it first
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Flux<DataBuffer> read(String sha256, long offset, long length) {
        return BlobStore.streamed(open(sha256, offset, length));
    }

    /** Opens the file now: an open file stays readable after the blob is deleted. */
    @Override
    public Mono<Flux<DataBuffer>> open(String sha256, long offset, long length) {
        if (length == 0) {
            return Mono.just(Flux.empty());
        }
        Path path = pathOf(sha256);
        return Mono.fromCallable(() -> length <= READ_AT_ONCE ? Flux.just(readAtOnce(path, offset, (int) length))
                        : streamOf(AsynchronousFileChannel.open(path, StandardOpenOption.READ), offset, length))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(NoSuchFileException.class, e -> new MissingBlobException(sha256));
    }

    /** The range's bytes, fewer when the file ends before it (as the stream of a longer range would). */
    private DataBuffer readAtOnce(Path path, long offset, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && channel.read(bytes, offset + bytes.position()) >= 0) {
                // a regular file reads whole in one call; the loop only covers a short read
            }
        }
        return buffers.wrap(bytes.flip());
    }

    private Flux<DataBuffer> streamOf(AsynchronousFileChannel channel, long offset, long length) {
        AtomicBoolean taken = new AtomicBoolean();
        OneReader reader = new OneReader(channel, taken);
        // only a stream nobody subscribed to is closed here: the Cleaner watches the channel's supplier, which the
        // unsubscribed Flux holds; once a reader took the channel (and closes it), a collected supplier closes nothing
        UNREAD_FILES.register(reader, () -> {
            if (taken.compareAndSet(false, true)) {
                closeQuietly(channel);
            }
        });
        return DataBufferUtils.takeUntilByteCount(
                DataBufferUtils.readAsynchronousFileChannel(reader, offset, buffers, READ_BUFFER), length);
    }

    /**
     * Hands the opened channel to its one reader. It stays reachable until it has marked the channel taken,
     * so the Cleaner cannot close the channel between a subscription starting and the reader taking it.
     */
    private static final class OneReader implements Callable<AsynchronousFileChannel> {
        private final AsynchronousFileChannel channel;
        private final AtomicBoolean taken;

        OneReader(AsynchronousFileChannel channel, AtomicBoolean taken) {
            this.channel = channel;
            this.taken = taken;
        }

        @Override
        public AsynchronousFileChannel call() {
            try {
                if (!taken.compareAndSet(false, true)) {
                    throw new IllegalStateException("an opened blob is read once");
                }
                return channel;
            } finally {
                Reference.reachabilityFence(this);
            }
        }
    }

    private static void closeQuietly(AsynchronousFileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do for a file nobody reads
        }
    }

    @Override
    public Mono<Void> delete(String sha256) {
        return Mono.fromCallable(() -> Files.deleteIfExists(pathOf(sha256)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Mono<Void> deleteAll(java.util.List<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> {
            for (String sha256 : sha256s) {
                Files.deleteIfExists(pathOf(sha256));
            }
            return sha256s;
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Flux<String> listOlderThan(Instant cutoff) {
        return Flux.using(() -> Files.walk(root, 3), files -> Flux.fromStream(files.filter(file -> isBlobOlderThan(file, cutoff))
                        .map(file -> file.getFileName().toString())), Stream::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static boolean isBlobOlderThan(Path file, Instant cutoff) {
        String name = file.getFileName().toString();
        if (!ComposedBlob.isBlobName(name) || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
