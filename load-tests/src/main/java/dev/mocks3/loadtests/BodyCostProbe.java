package dev.mocks3.loadtests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * What each step of staging a large body costs on this JDK and CPU, in CPU seconds per GiB of
 * the calling thread (user + system, so the kernel's copy of a file write counts): SHA-256, MD5 and
 * CRC32 over heap arrays and over direct buffers, the copy of a direct (Netty) buffer into a heap
 * chunk, and {@link FileChannel#write} of 1 GiB from a heap buffer (which the JDK copies into a
 * temporary direct buffer first) and from a direct buffer. Each step runs {@code --rounds} times;
 * the best round is printed, since on a shared machine only the fastest round is the step alone.
 * <pre>
 * java -cp load-tests/target/classes dev.mocks3.loadtests.BodyCostProbe [--rounds 5] [--chunk-kib 256] [--dir /tmp]
 * </pre>
 * Run it again with {@code -XX:-UseSHA256Intrinsics} or {@code -XX:-UseMD5Intrinsics} to see what the
 * intrinsics are worth. Not a test: a measurement to read.
 */
public final class BodyCostProbe {
    private static final long GIB = 1L << 30;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BodyCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int chunk = 256 * 1024;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--chunk-kib" -> chunk = 1024 * Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        byte[] heap = new byte[chunk];
        ThreadLocalRandom.current().nextBytes(heap);
        ByteBuffer direct = ByteBuffer.allocateDirect(chunk);
        direct.put(heap).flip();
        Path file = Files.createTempFile(dir, "body-cost-", ".bin");
        try {
            Map<String, Step> steps = new LinkedHashMap<>();
            steps.put("SHA-256, heap array", () -> digest("SHA-256", heap));
            steps.put("SHA-256, direct buffer", () -> digest("SHA-256", direct));
            steps.put("MD5, heap array", () -> digest("MD5", heap));
            steps.put("MD5, direct buffer", () -> digest("MD5", direct));
            steps.put("CRC32, heap array", () -> crc32(heap));
            steps.put("copy direct buffer -> heap chunk", () -> copy(direct, heap));
            steps.put("FileChannel.write, heap buffer", () -> write(file, ByteBuffer.wrap(heap)));
            steps.put("FileChannel.write, direct buffer", () -> write(file, direct));
            System.out.printf("| step (chunk %d KiB, best of %d) | CPU s per GiB | MiB/s of one thread |%n", chunk / 1024, rounds);
            System.out.println("|---|---:|---:|");
            for (Map.Entry<String, Step> step : steps.entrySet()) {
                step.getValue().run(); // warm-up: compile the loop first
                long best = Long.MAX_VALUE;
                for (int r = 0; r < rounds; r++) {
                    long start = THREADS.getCurrentThreadCpuTime();
                    step.getValue().run();
                    best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
                }
                double seconds = best / 1e9;
                System.out.printf("| %s | %.3f | %.0f |%n", step.getKey(), seconds, 1024 / seconds);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static MessageDigest digestOf(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(String name, byte[] chunk) {
        MessageDigest digest = digestOf(name);
        for (long done = 0; done < GIB; done += chunk.length) {
            digest.update(chunk, 0, chunk.length);
        }
        sink(digest.digest()[0]);
    }

    private static void digest(String name, ByteBuffer chunk) {
        MessageDigest digest = digestOf(name);
        for (long done = 0; done < GIB; done += chunk.capacity()) {
            digest.update(chunk.duplicate());
        }
        sink(digest.digest()[0]);
    }

    private static void crc32(byte[] chunk) {
        CRC32 crc = new CRC32();
        for (long done = 0; done < GIB; done += chunk.length) {
            crc.update(chunk, 0, chunk.length);
        }
        sink((byte) crc.getValue());
    }

    private static void copy(ByteBuffer from, byte[] to) {
        for (long done = 0; done < GIB; done += to.length) {
            from.duplicate().get(to, 0, to.length);
        }
        sink(to[0]);
    }

    private static void write(Path file, ByteBuffer chunk) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long position = 0;
            while (position < GIB) {
                ByteBuffer bytes = chunk.duplicate();
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
            }
        }
    }

    private static volatile byte sunk;

    private static void sink(byte value) {
        sunk = value;
    }
}
