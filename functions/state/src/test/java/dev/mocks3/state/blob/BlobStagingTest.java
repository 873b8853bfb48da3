package dev.mocks3.state.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.mocks3.core.checksum.ChecksumAlgorithm;
import reactor.core.publisher.Flux;

/**
 * A staged body is the bytes sent, with their SHA-256, MD5, CRC32 and any extra digest, whether it
 * fits one staging chunk (one task writes and digests it) or spans many (lanes beside the write).
 */
class BlobStagingTest {
    @TempDir
    Path root;
    private BlobStaging staging;

    @AfterEach
    void close() {
        if (staging != null) {
            staging.close();
        }
    }

    @Test
    void aSmallBodyInSeveralBuffersIsStagedWithEveryDigest() throws Exception {
        checkStaged(4096, 1000);
    }

    @Test
    void aBodyOfManyChunksIsStagedWithEveryDigest() throws Exception {
        checkStaged(3 * ChunkedBodyWrite.CHUNK + 12345, 64 * 1024);
    }

    @Test
    void aBodyOfExactlyOneChunkIsStagedWithEveryDigest() throws Exception {
        checkStaged(ChunkedBodyWrite.CHUNK, 8192);
    }

    @Test
    void anEmptyBodyIsAnEmptyFile() throws Exception {
        checkStaged(0, 1);
    }

    private void checkStaged(int size, int bufferSize) throws Exception {
        staging = new BlobStaging(root.resolve("tmp"));
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        List<DataBuffer> buffers = new ArrayList<>();
        for (int offset = 0; offset < size; offset += bufferSize) {
            int n = Math.min(bufferSize, size - offset);
            byte[] slice = new byte[n];
            System.arraycopy(content, offset, slice, 0, n);
            buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(slice));
        }

        StagedBlob staged = staging.stage(Flux.fromIterable(buffers), List.of(ChecksumAlgorithm.CRC32C)).block();

        assertThat(Files.readAllBytes(staged.file())).isEqualTo(content);
        assertThat(staged.size()).isEqualTo(size);
        assertThat(staged.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(staged.md5Hex()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)));
        CRC32 crc32 = new CRC32();
        crc32.update(content);
        assertThat(staged.crc32()).isEqualTo(Base64.getEncoder().encodeToString(intBytes(crc32.getValue())));
        CRC32C crc32c = new CRC32C();
        crc32c.update(content);
        assertThat(staged.digests().get(ChecksumAlgorithm.CRC32C)).isEqualTo(intBytes(crc32c.getValue()));
    }

    private static byte[] intBytes(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
