package dev.mocks3.faults.inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Faults applied to a body as it streams (the response of a read, or the request of an upload).
 * Only the bytes in flight are held; each transformation re-chunks the stream into fresh buffers.
 */
public final class BodyFaults {
    private static final int MAX_CHUNK = 64 * 1024;

    private BodyFaults() {
    }

    /** At most {@code bytesPerSecond}, in chunks of about a twentieth of a second. */
    public static Flux<DataBuffer> bandwidth(Flux<DataBuffer> body, long bytesPerSecond) {
        int chunk = (int) Math.max(1, Math.min(MAX_CHUNK, bytesPerSecond / 20));
        return Flux.defer(() -> {
            long start = System.nanoTime();
            long[] sent = {0};
            return chunks(body, chunk).concatMap(bytes -> {
                sent[0] += bytes.length;
                long due = start + (long) (sent[0] * 1e9 / bytesPerSecond);
                long wait = due - System.nanoTime();
                Mono<byte[]> out = Mono.just(bytes);
                return wait > 0 ? out.delayElement(Duration.ofNanos(wait)) : out;
            });
        }).map(BodyFaults::wrap);
    }

    /** Chunks of {@code chunkSize} bytes with {@code pause} between them. */
    public static Flux<DataBuffer> slice(Flux<DataBuffer> body, int chunkSize, Duration pause) {
        return chunks(body, chunkSize).index()
                .concatMap(t -> t.getT1() == 0 ? Mono.just(t.getT2()) : Mono.just(t.getT2()).delayElement(pause))
                .map(BodyFaults::wrap);
    }

    /** The first {@code keep} bytes, then the error (a dropped connection): a truncated or reset body. */
    public static Flux<DataBuffer> cutAfter(Flux<DataBuffer> body, long keep, Supplier<Throwable> error) {
        return Flux.defer(() -> {
            long[] left = {keep};
            return chunks(body, MAX_CHUNK)
                    .takeWhile(b -> left[0] > 0)
                    .map(bytes -> {
                        int n = (int) Math.min(bytes.length, left[0]);
                        left[0] -= n;
                        return n == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, n);
                    })
                    .map(BodyFaults::wrap)
                    .concatWith(Mono.error(error));
        });
    }

    /** The body with the bytes at these absolute offsets inverted; the length is unchanged. */
    public static Flux<DataBuffer> flip(Flux<DataBuffer> body, long[] offsets) {
        return Flux.defer(() -> {
            long[] position = {0};
            return chunks(body, MAX_CHUNK).map(bytes -> {
                long from = position[0];
                long to = from + bytes.length;
                for (long offset : offsets) {
                    if (offset >= from && offset < to) {
                        int i = (int) (offset - from);
                        bytes[i] = (byte) ~bytes[i];
                    }
                }
                position[0] = to;
                return wrap(bytes);
            });
        });
    }

    /** Holds the first byte back for {@code delay}. */
    public static Flux<DataBuffer> delayFirst(Flux<DataBuffer> body, Duration delay) {
        return body.delaySubscription(delay);
    }

    /** Each chunk held for a delay of its own before it goes on: latency on the stream. */
    public static Flux<DataBuffer> delayEach(Flux<DataBuffer> body, Supplier<Duration> delay) {
        return chunks(body, MAX_CHUNK).concatMap(bytes -> Mono.just(bytes).delayElement(delay.get())).map(BodyFaults::wrap);
    }

    /**
     * The first {@code afterBytes} bytes, then nothing for {@code hold}, then the rest. With 0 an
     * empty buffer goes first, so the response head is sent before the hold.
     */
    public static Flux<DataBuffer> holdAfter(Flux<DataBuffer> body, long afterBytes, Duration hold) {
        return Flux.defer(() -> {
            long[] seen = {0};
            Flux<byte[]> split = chunks(body, MAX_CHUNK).concatMapIterable(bytes -> {
                long before = seen[0];
                seen[0] += bytes.length;
                if (before < afterBytes && seen[0] > afterBytes) {
                    int n = (int) (afterBytes - before);
                    return List.of(java.util.Arrays.copyOf(bytes, n), java.util.Arrays.copyOfRange(bytes, n, bytes.length));
                }
                return List.of(bytes);
            });
            long[] sent = {0};
            Flux<byte[]> held = split.concatMap(bytes -> {
                boolean first = sent[0] == afterBytes && afterBytes > 0;
                sent[0] += bytes.length;
                return first ? Mono.just(bytes).delayElement(hold) : Mono.just(bytes);
            });
            return afterBytes == 0 ? Flux.concat(Mono.just(new byte[0]), Mono.delay(hold).then(Mono.<byte[]>empty()), split)
                    : held;
        }).map(BodyFaults::wrap);
    }

    /** Where to flip {@code count} bytes: from {@code offset} on, else spread evenly over {@code length}. */
    public static long[] flipOffsets(long length, int count, Long offset) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = offset != null ? offset + i : length > 0 ? (i + 1) * length / (count + 1) : i;
        }
        return out;
    }

    static Flux<byte[]> chunks(Flux<DataBuffer> body, int size) {
        return body.concatMapIterable(buffer -> {
            byte[] all = new byte[buffer.readableByteCount()];
            buffer.read(all);
            DataBufferUtils.release(buffer);
            if (all.length <= size) {
                return List.of(all);
            }
            List<byte[]> parts = new ArrayList<>();
            for (int i = 0; i < all.length; i += size) {
                parts.add(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + size)));
            }
            return parts;
        }).filter(b -> b.length > 0);
    }

    private static DataBuffer wrap(byte[] bytes) {
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }
}
