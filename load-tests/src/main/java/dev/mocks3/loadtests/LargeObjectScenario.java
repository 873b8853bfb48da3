package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code large-object}: one PUT of a generated body (1 GiB by default) streamed as it is made,
 * then one GET streamed and thrown away while its bytes are counted and hashed. Neither side ever
 * holds the object in memory.
 */
final class LargeObjectScenario {

    static final String KEY = "large-object/object.bin";
    private static final int READ_BUFFER = 1 << 20;

    record Result(long size, long putNanos, int putStatus, long getNanos, int getStatus, long bytesReceived,
                  String sentSha256, String receivedSha256) {

        boolean intact() {
            return putStatus == 200 && getStatus == 200 && bytesReceived == size && sentSha256.equals(receivedSha256);
        }

        double putMibPerSecond() {
            return Rates.mibPerSecond(size, putNanos);
        }

        double getMibPerSecond() {
            return Rates.mibPerSecond(bytesReceived, getNanos);
        }
    }

    private LargeObjectScenario() {
    }

    static Result run(S3Http s3, String bucket, long size, long seed) throws IOException, InterruptedException {
        MessageDigest sent = sha256();
        long begin = System.nanoTime();
        int putStatus = s3.putStream(bucket, KEY,
                () -> new DigestInputStream(new GeneratedContent(size, seed), sent), size);
        long putNanos = System.nanoTime() - begin;

        MessageDigest received = sha256();
        byte[] buffer = new byte[READ_BUFFER];
        long bytes = 0;
        begin = System.nanoTime();
        HttpResponse<InputStream> response = s3.getStream(bucket, KEY);
        try (InputStream body = response.body()) {
            for (int n; (n = body.read(buffer)) != -1; ) {
                received.update(buffer, 0, n);
                bytes += n;
            }
        }
        long getNanos = System.nanoTime() - begin;
        try {
            s3.delete(bucket, KEY);
        } catch (IOException e) {
            // best effort: the measurement is already taken
        }
        return new Result(size, putNanos, putStatus, getNanos, response.statusCode(), bytes,
                HexFormat.of().formatHex(sent.digest()), HexFormat.of().formatHex(received.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
