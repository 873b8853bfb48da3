package dev.mocks3.state.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Streams a request body into a temporary file while computing its SHA-256 and MD5, so that
 * nothing is visible until the whole body has arrived. A body that fails or is cancelled
 * leaves no file behind.
 */
public final class BlobStaging {
    private static final Logger log = LoggerFactory.getLogger(BlobStaging.class);
    private final Path tmpDir;

    public BlobStaging(Path tmpDir) {
        this.tmpDir = tmpDir;
        try {
            Files.createDirectories(tmpDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path tmpDir() {
        return tmpDir;
    }

    public Mono<StagedBlob> stage(Flux<DataBuffer> body) {
        return Mono.defer(() -> {
            Path file = tmpDir.resolve("upload-" + UUID.randomUUID());
            Digests digests = new Digests();
            Flux<DataBuffer> hashed = body.doOnNext(digests::update);
            return DataBufferUtils.write(hashed, file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                    .then(Mono.fromCallable(() -> digests.finish(file)))
                    .doOnError(e -> deleteQuietly(file))
                    .doOnCancel(() -> deleteQuietly(file));
        });
    }

    public Mono<Void> discard(StagedBlob staged) {
        return Mono.fromRunnable(() -> deleteQuietly(staged.file())).subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** Removes temporary files left by a process that died mid-upload. */
    public int sweepOlderThan(Duration age) {
        Instant cutoff = Instant.now().minus(age);
        int removed = 0;
        try (var files = Files.list(tmpDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    deleteQuietly(file);
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("could not sweep {}: {}", tmpDir, e.toString());
        }
        return removed;
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }

    /** SHA-256, MD5 and CRC32 of a stream, fed buffer by buffer without consuming the buffers. */
    static final class Digests {
        private final MessageDigest sha256 = digest("SHA-256");
        private final MessageDigest md5 = digest("MD5");
        private final java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
        private long size;

        void update(DataBuffer buffer) {
            try (DataBuffer.ByteBufferIterator it = buffer.readableByteBuffers()) {
                while (it.hasNext()) {
                    ByteBuffer bytes = it.next();
                    size += bytes.remaining();
                    sha256.update(bytes.duplicate());
                    crc32.update(bytes.duplicate());
                    md5.update(bytes);
                }
            }
        }

        StagedBlob finish(Path file) {
            HexFormat hex = HexFormat.of();
            byte[] crc = java.nio.ByteBuffer.allocate(4).putInt((int) crc32.getValue()).array();
            return new StagedBlob(file, hex.formatHex(sha256.digest()), hex.formatHex(md5.digest()),
                    java.util.Base64.getEncoder().encodeToString(crc), size);
        }

        private static MessageDigest digest(String algorithm) {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
