package dev.mocks3.state.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.RunningChecksum;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.MonoSink;

/**
 * One body on its way to a staging file. The event loop only copies the request's buffers into
 * chunks of {@link #CHUNK} bytes and releases them; each chunk then goes to several lanes at
 * once, each lane a serial queue on the staging threads: one writes the file with a
 * {@link FileChannel} (and runs the cheap CRCs), and every cryptographic digest (MD5, SHA-256, ...)
 * has a lane of its own. So the hashing runs beside the write instead of on the event loop, and the
 * body is read as fast as the slowest digest. At most {@link #IN_FLIGHT} chunks are held per body:
 * the request is read no faster than the lanes keep up (back-pressure), whatever the body's size.
 * A body that fits one chunk (a small PUT) gets a single lane that writes and digests it: one task
 * on a staging thread instead of three to hand over and join.
 */
final class ChunkedBodyWrite implements CoreSubscriber<DataBuffer> {
    static final int CHUNK = 256 * 1024;
    static final int IN_FLIGHT = 8;

    /** Calls back with the digests, by algorithm, once the whole body is in the file. */
    interface Finish {
        StagedBlob staged(Path file, java.util.Map<ChecksumAlgorithm, byte[]> digests, long size);
    }

    private final Path file;
    private final MonoSink<StagedBlob> sink;
    private final Finish finish;
    private final Executor executor;
    private final ChunkPool pool;
    private final FileChannel channel;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<ChecksumAlgorithm> algorithms;
    private final List<RunningChecksum> checksums = new ArrayList<>();
    /** Chunks handed to the lanes and not yet done by all of them. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private boolean upstreamDone;
    /** The last chunk has gone to the lanes (or the body failed): completion waits only for the lanes. */
    private volatile boolean flushed;
    private boolean finished;
    private Subscription subscription;
    private boolean requestOwed;
    private Chunk filling;
    private DataBuffer waiting;
    private long size;

    ChunkedBodyWrite(Path file, MonoSink<StagedBlob> sink, List<ChecksumAlgorithm> algorithms, Finish finish,
                     Executor executor, ChunkPool pool) {
        this.file = file;
        this.sink = sink;
        this.finish = finish;
        this.executor = executor;
        this.pool = pool;
        this.algorithms = algorithms;
        try {
            // created by the caller; opened without CREATE so a file deleted by a cancel is not made again
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ChecksumAlgorithm algorithm : algorithms) {
            checksums.add(algorithm.start());
        }
    }

    /** The lanes of a body of several chunks: the write with the CRCs, and one per message digest. */
    private void splitIntoLanes() {
        List<RunningChecksum> withWrite = new ArrayList<>();
        for (int i = 0; i < algorithms.size(); i++) {
            if (cheap(algorithms.get(i))) {
                withWrite.add(checksums.get(i));
            } else {
                lanes.add(new Lane(List.of(checksums.get(i)), false));
            }
        }
        lanes.add(0, new Lane(withWrite, true));
    }

    /** CRCs cost little next to a write; the message digests each need a core's worth of time. */
    private static boolean cheap(ChecksumAlgorithm algorithm) {
        return algorithm.name().startsWith("CRC");
    }

    @Override
    public void onSubscribe(Subscription s) {
        this.subscription = s;
        sink.onCancel(this::cancel);
        s.request(1);
    }

    @Override
    public void onNext(DataBuffer buffer) {
        if (failure.get() != null) {
            DataBufferUtils.release(buffer);
            return;
        }
        size += buffer.readableByteCount();
        synchronized (this) {
            waiting = buffer;
            fill();
        }
    }

    /** Copies the waiting buffer into chunks while chunks are free; asks for the next buffer when it is used up. */
    private void fill() {
        while (waiting != null) {
            if (filling == null) {
                if (inFlight.get() >= IN_FLIGHT) {
                    requestOwed = true;
                    return;
                }
                filling = new Chunk(pool.take());
            }
            int n = Math.min(waiting.readableByteCount(), CHUNK - filling.length);
            waiting.read(filling.bytes, filling.length, n);
            filling.length += n;
            if (filling.length == CHUNK) {
                dispatch();
            }
            if (waiting.readableByteCount() == 0) {
                DataBufferUtils.release(waiting);
                waiting = null;
                subscription.request(1);
            }
        }
        if (upstreamDone && !flushed) {
            if (filling != null && filling.length > 0 && lanes.isEmpty()) {
                // the whole body fits one chunk: one task writes and digests it, no lanes to coordinate
                lanes.add(new Lane(checksums, true));
                dispatch();
            } else if (filling != null && filling.length > 0) {
                dispatch();
            } else if (filling != null) {
                pool.give(filling.bytes);
                filling = null;
            }
            flushed = true;
        }
    }

    private void dispatch() {
        if (lanes.isEmpty()) {
            splitIntoLanes();
        }
        Chunk chunk = filling;
        filling = null;
        chunk.pending.set(lanes.size());
        inFlight.incrementAndGet();
        for (Lane lane : lanes) {
            lane.offer(chunk);
        }
    }

    /** Called by the last lane done with a chunk: the chunk goes back, and a stalled body reads on. */
    private void done(Chunk chunk) {
        pool.give(chunk.bytes);
        inFlight.decrementAndGet();
        synchronized (this) {
            if (requestOwed && failure.get() == null) {
                requestOwed = false;
                fill();
            }
        }
        if (flushed && inFlight.get() == 0) {
            complete();
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(error);
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            upstreamDone = true;
            // a body whose last buffer still waits for a free chunk is flushed when that buffer is used up
            if (failure.get() == null) {
                fill();
            }
        }
        if (flushed && inFlight.get() == 0) {
            complete();
        }
    }

    private void complete() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        Throwable failed = failure.get();
        closeChannel();
        if (failed != null) {
            BlobStaging.deleteQuietly(file);
            sink.error(failed);
            return;
        }
        java.util.Map<ChecksumAlgorithm, byte[]> digests = new java.util.EnumMap<>(ChecksumAlgorithm.class);
        for (int i = 0; i < algorithms.size(); i++) {
            digests.put(algorithms.get(i), checksums.get(i).finish());
        }
        try {
            sink.success(finish.staged(file, digests, size));
        } catch (RuntimeException e) {
            BlobStaging.deleteQuietly(file);
            sink.error(e);
        }
    }

    private void cancel() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        fail(new java.util.concurrent.CancellationException("upload cancelled"));
    }

    /** Stops the lanes; the file goes once no lane still uses it. */
    private void fail(Throwable error) {
        if (!failure.compareAndSet(null, error)) {
            return;
        }
        synchronized (this) {
            if (waiting != null) {
                DataBufferUtils.release(waiting);
                waiting = null;
            }
            if (filling != null) {
                pool.give(filling.bytes);
                filling = null;
            }
            upstreamDone = true;
            flushed = true;
        }
        if (inFlight.get() == 0) {
            complete();
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            failure.compareAndSet(null, e);
        }
    }

    private static final class Chunk {
        final byte[] bytes;
        int length;
        final AtomicInteger pending = new AtomicInteger();

        Chunk(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** A serial queue of chunks run on the shared staging threads, one task at a time. */
    private final class Lane implements Runnable {
        private final Queue<Chunk> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger wip = new AtomicInteger();
        private final List<RunningChecksum> digests;
        private final boolean writes;
        private long position;

        Lane(List<RunningChecksum> digests, boolean writes) {
            this.digests = digests;
            this.writes = writes;
        }

        void offer(Chunk chunk) {
            queue.offer(chunk);
            if (wip.getAndIncrement() == 0) {
                executor.execute(this);
            }
        }

        @Override
        public void run() {
            do {
                Chunk chunk = queue.poll();
                if (failure.get() == null) {
                    try {
                        process(chunk);
                    } catch (IOException | RuntimeException e) {
                        fail(e);
                    }
                }
                if (chunk.pending.decrementAndGet() == 0) {
                    done(chunk);
                }
            } while (wip.decrementAndGet() != 0);
        }

        private void process(Chunk chunk) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(chunk.bytes, 0, chunk.length);
            for (RunningChecksum digest : digests) {
                digest.update(bytes.duplicate());
            }
            if (writes) {
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
            }
        }
    }
}
