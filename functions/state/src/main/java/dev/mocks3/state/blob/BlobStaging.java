package dev.mocks3.state.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.mocks3.core.checksum.ChecksumAlgorithm;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Streams a request body into a temporary file while computing its SHA-256, MD5 and CRC32 beside
 * the write ({@link ChunkedBodyWrite}), so that nothing is visible until the whole body has arrived. A body that fails or is cancelled
 * leaves no file behind.
 * <p>
 * Each process stages into a folder of its own holding a lock file that it keeps locked while it
 * lives, so a sweep removes the folders of dead processes at once and never touches a live upload.
 */
public final class BlobStaging implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BlobStaging.class);
    static final String LOCK_FILE = "lock";
    /** A staged file whose blob is published ahead of its row, named {@code kept-<sha256>-<uuid>}. */
    private static final String KEPT_PREFIX = "kept-";
    // FileChannel locks belong to the whole JVM and closing any channel on the file drops them: never probe our own
    private static final Set<Path> LOCKED_BY_THIS_JVM = ConcurrentHashMap.newKeySet();
    /** Every staged body gets these: content address, ETag, and the CRC32 a GET with checksum mode returns. */
    static final List<ChecksumAlgorithm> ALWAYS = List.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.MD5,
            ChecksumAlgorithm.CRC32);
    // staging threads: the file writes and the digests of every body in progress, beside the event loops
    private static final ExecutorService LANES = Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), daemonThreads("blob-stage-"));
    private static final ChunkPool CHUNKS = new ChunkPool(ChunkedBodyWrite.CHUNK, 64);
    private final Path root;
    private final Path tmpDir;
    private final FileChannel lockChannel;

    public BlobStaging(Path root) {
        this.root = root;
        this.tmpDir = root.resolve("p-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmpDir);
            lockChannel = FileChannel.open(tmpDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lockChannel.lock();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOCKED_BY_THIS_JVM.add(tmpDir.toAbsolutePath());
    }

    /** This process's own folder for uploads in progress. */
    public Path tmpDir() {
        return tmpDir;
    }

    public Mono<StagedBlob> stage(Flux<DataBuffer> body) {
        return stage(body, List.of());
    }

    /**
     * Stages {@code body}, computing {@code extra} digests beside the SHA-256, MD5 and CRC32 that
     * every blob gets; {@link StagedBlob#digests()} has them all.
     */
    public Mono<StagedBlob> stage(Flux<DataBuffer> body, List<ChecksumAlgorithm> extra) {
        List<ChecksumAlgorithm> algorithms = new ArrayList<>(ALWAYS);
        extra.stream().filter(algorithm -> !algorithms.contains(algorithm)).forEach(algorithms::add);
        return Mono.defer(() -> {
            Path file = tmpDir.resolve("upload-" + UUID.randomUUID());
            // created here, opened below without CREATE: a cancel that deletes the file before the
            // open makes the open fail instead of leaving an empty file behind
            try {
                Files.createFile(file);
            } catch (IOException e) {
                return Mono.error(new UncheckedIOException(e));
            }
            return Mono.<StagedBlob>create(sink -> body.subscribe(
                    new ChunkedBodyWrite(file, sink, algorithms, StagedBlob::of, LANES, CHUNKS)))
                    .doOnError(e -> deleteQuietly(file))
                    .doOnCancel(() -> deleteQuietly(file));
        });
    }

    /**
     * Reads a body declared small ({@link SmallBody#fits}) into memory and digests it there, on the thread
     * that delivers its last bytes: at most {@link SmallBody#MAX_BYTES} bytes and a few microseconds of
     * hashing, no file and no staging thread. A body that fails or is cancelled leaves nothing.
     */
    public Mono<SmallBody> collect(Flux<DataBuffer> body) {
        return DataBufferUtils.join(body, SmallBody.MAX_BYTES).map(joined -> {
            try {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                return SmallBody.of(bytes, ALWAYS);
            } finally {
                DataBufferUtils.release(joined);
            }
        }).switchIfEmpty(Mono.fromSupplier(() -> SmallBody.of(new byte[0], ALWAYS)));
    }

    /** Stages a small body's bytes into a file after all, for a write that cannot keep them in its row. */
    public Mono<StagedBlob> stage(SmallBody small) {
        return stage(Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(small.bytes()))));
    }

    /**
     * Renames the staged file to a name that carries its hash, for the time its blob is published
     * ahead of its row ({@link AheadPublishing}): if the process dies before it settles the blob,
     * {@link #sweepDeadProcesses} hands the file over to be put back. Blocking.
     */
    public StagedBlob keepForSettling(StagedBlob staged) {
        Path kept = tmpDir.resolve(KEPT_PREFIX + staged.sha256() + "-" + UUID.randomUUID());
        try {
            Files.move(staged.file(), kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StagedBlob(kept, staged.sha256(), staged.md5Hex(), staged.crc32(), staged.size(), staged.digests());
    }

    /** Whether {@code file} is one {@link #keepForSettling} named. */
    public static boolean isKeptForSettling(Path file) {
        return file.getFileName().toString().startsWith(KEPT_PREFIX);
    }

    public Mono<Void> discard(StagedBlob staged) {
        return Mono.fromRunnable(() -> deleteQuietly(staged.file())).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /**
     * Removes the folders of processes that died mid-upload (their lock is free), and loose files
     * or lock-less folders older than {@code grace} (left by older versions, or a start cut short),
     * first handing each file kept for settling
     * ({@link #keepForSettling}) to {@code unsettled} with its hash: its row may have committed. When
     * {@code unsettled} fails, the folder stays (for the next sweep) and the failure is thrown.
     */
    public int sweepDeadProcesses(Duration grace, BiConsumer<String, Path> unsettled) {
        Instant cutoff = Instant.now().minus(grace);
        int removed = 0;
        try (var entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!LOCKED_BY_THIS_JVM.contains(entry.toAbsolutePath()) && isDead(entry, cutoff)) {
                    handOverUnsettled(entry, unsettled);
                    deleteTree(entry);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("could not sweep {}: {}", root, e.toString());
        }
        return removed;
    }

    private static void handOverUnsettled(Path folder, BiConsumer<String, Path> unsettled) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                int hashEnd = KEPT_PREFIX.length() + 64;
                if (name.startsWith(KEPT_PREFIX) && name.length() > hashEnd && name.charAt(hashEnd) == '-') {
                    unsettled.accept(name.substring(KEPT_PREFIX.length(), hashEnd), file);
                }
            }
        }
    }

    private static boolean isDead(Path entry, Instant cutoff) throws IOException {
        Path lockFile = entry.resolve(LOCK_FILE);
        if (!Files.isDirectory(entry) || !Files.exists(lockFile)) {
            return Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public void close() {
        LOCKED_BY_THIS_JVM.remove(tmpDir.toAbsolutePath());
        try {
            lockChannel.close();
        } catch (IOException e) {
            log.warn("could not release {}: {}", tmpDir, e.toString());
        }
        deleteTree(tmpDir);
    }

    private static void deleteTree(Path path) {
        try (var paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(BlobStaging::deleteQuietly);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", path, e.toString());
        }
    }

    /** Whether the caller runs on a staging thread, where a short file operation may block (not an event loop). */
    public static boolean onStagingThread() {
        return Thread.currentThread() instanceof StagingThread;
    }

    private static final class StagingThread extends Thread {
        StagingThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> new StagingThread(task, prefix + count.incrementAndGet());
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
