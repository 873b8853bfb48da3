package dev.mocks3.core.chunked;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import dev.mocks3.core.auth.ChunkSigner;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.RunningChecksum;

/** Encodes a body as aws-chunked for tests, the way clients do: optionally signed, optionally with a checksum trailer. */
final class AwsChunkedEncoder {
    private final int chunkSize;
    private final ChunkSigner signer;
    private final ChecksumAlgorithm trailer;

    AwsChunkedEncoder(int chunkSize, ChunkSigner signer, ChecksumAlgorithm trailer) {
        this.chunkSize = chunkSize;
        this.signer = signer;
        this.trailer = trailer;
    }

    byte[] encode(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 1024);
        String previous = signer == null ? null : signer.seedSignature();
        int offset = 0;
        while (true) {
            int length = Math.min(chunkSize, data.length - offset);
            byte[] chunk = Arrays.copyOfRange(data, offset, offset + length);
            String header = Integer.toHexString(length);
            if (signer != null) {
                previous = signer.chunkSignature(previous, sha256(chunk));
                header += ";chunk-signature=" + previous;
            }
            out.writeBytes((header + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (length == 0) {
                break;
            }
            out.writeBytes(chunk);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            offset += length;
        }
        if (trailer != null) {
            RunningChecksum checksum = trailer.start();
            checksum.update(ByteBuffer.wrap(data));
            String line = trailer.headerName() + ":" + trailer.base64(checksum.finish());
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            if (signer != null) {
                String signature = signer.trailerSignature(previous, line + "\n");
                out.writeBytes(("x-amz-trailer-signature:" + signature + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
