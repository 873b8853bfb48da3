package dev.mocks3.core.chunked;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import dev.mocks3.core.auth.ChunkSigner;
import dev.mocks3.core.checksum.ChecksumHeaders;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.RunningChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

/**
 * The state of decoding one aws-chunked body. Fed the encoded buffers in order, it hands back
 * the chunk data as slices of them; it holds at most one header or trailer line.
 * One instance per subscription; not thread-safe (Reactor delivers signals serially).
 */
final class ChunkedBodyParser {
    private static final int MAX_LINE = 4096;
    private static final int MAX_TRAILERS = 16;
    private static final String SIGNATURE_EXTENSION = "chunk-signature=";
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private enum State { CHUNK_HEADER, CHUNK_DATA, CHUNK_END, TRAILER, DONE }

    private final AwsChunkedDecoder.Settings settings;
    private final RunningChecksum trailerChecksum;
    private RunningChecksum chunkDigest;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private final Map<String, String> trailers = new TreeMap<>();

    private State state = State.CHUNK_HEADER;
    private long chunkRemaining;
    private String chunkSignature;
    private String previousSignature;
    private boolean sawCarriageReturn;
    private long decodedLength;

    ChunkedBodyParser(AwsChunkedDecoder.Settings settings) {
        this.settings = settings;
        this.trailerChecksum = settings.trailerChecksum() == null ? null : settings.trailerChecksum().start();
        this.previousSignature = settings.signer() == null ? null : settings.signer().seedSignature();
    }

    /** Consumes (and releases) {@code encoded}; returns the decoded data it held, possibly none. */
    List<DataBuffer> feed(DataBuffer encoded) {
        List<DataBuffer> decoded = new ArrayList<>(2);
        try {
            while (encoded.readableByteCount() > 0) {
                switch (state) {
                    case CHUNK_HEADER -> {
                        String header = readLine(encoded);
                        if (header != null) {
                            onChunkHeader(header);
                        }
                    }
                    case CHUNK_DATA -> decoded.add(readData(encoded));
                    case CHUNK_END -> readChunkEnd(encoded);
                    case TRAILER -> {
                        String trailer = readLine(encoded);
                        if (trailer != null) {
                            onTrailerLine(trailer);
                        }
                    }
                    case DONE -> throw malformed("data after the final chunk");
                }
            }
            return decoded;
        } catch (RuntimeException e) {
            decoded.forEach(DataBufferUtils::release);
            throw e;
        } finally {
            DataBufferUtils.release(encoded);
        }
    }

    /** Called when the encoded body ends: anything but a complete body is an error. */
    void finish() {
        if (state == State.TRAILER && line.size() == 0) {
            // Tolerate a client that leaves out the blank line closing the trailer section.
            finishTrailers();
        }
        if (state != State.DONE) {
            throw S3Error.INCOMPLETE_BODY.exception();
        }
    }

    private DataBuffer readData(DataBuffer encoded) {
        int length = (int) Math.min(chunkRemaining, encoded.readableByteCount());
        DataBuffer data = encoded.split(encoded.readPosition() + length);
        if (chunkDigest != null) {
            chunkDigest.update(data);
        }
        if (trailerChecksum != null) {
            trailerChecksum.update(data);
        }
        chunkRemaining -= length;
        decodedLength += length;
        if (settings.decodedLength() >= 0 && decodedLength > settings.decodedLength()) {
            DataBufferUtils.release(data);
            throw S3Error.INCOMPLETE_BODY.exception("The decoded body is longer than x-amz-decoded-content-length.");
        }
        if (chunkRemaining == 0) {
            state = State.CHUNK_END;
        }
        return data;
    }

    private void readChunkEnd(DataBuffer encoded) {
        byte b = encoded.read();
        if (b == '\r' && !sawCarriageReturn) {
            sawCarriageReturn = true;
            return;
        }
        if (b != '\n') {
            throw malformed("chunk data is longer than its declared size");
        }
        sawCarriageReturn = false;
        verifyChunkSignature();
        state = State.CHUNK_HEADER;
    }

    private void onChunkHeader(String header) {
        int semicolon = header.indexOf(';');
        String size = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
        if (size.isEmpty() || size.length() > 15) {
            throw malformed("bad chunk size \"" + size + "\"");
        }
        try {
            chunkRemaining = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
            throw malformed("bad chunk size \"" + size + "\"");
        }
        chunkSignature = null;
        chunkDigest = settings.signer() == null ? null : ChecksumAlgorithm.SHA256.start();
        if (semicolon >= 0) {
            for (String extension : header.substring(semicolon + 1).split(";")) {
                String trimmed = extension.strip();
                if (trimmed.startsWith(SIGNATURE_EXTENSION)) {
                    chunkSignature = trimmed.substring(SIGNATURE_EXTENSION.length());
                }
            }
        }
        if (settings.signer() != null && chunkSignature == null) {
            throw S3Error.SIGNATURE_DOES_NOT_MATCH.exception("A chunk of a signed aws-chunked body has no chunk-signature.");
        }
        if (chunkRemaining == 0) {
            verifyChunkSignature();
            state = State.TRAILER;
        } else {
            state = State.CHUNK_DATA;
        }
    }

    private void verifyChunkSignature() {
        ChunkSigner signer = settings.signer();
        if (signer == null) {
            return;
        }
        if (!signer.chunkSignatureMatches(previousSignature, chunkDigest.finish(), chunkSignature)) {
            throw S3Error.SIGNATURE_DOES_NOT_MATCH.exception(
                    "The chunk signature we calculated does not match the signature you provided.")
                    .with("SignatureProvided", chunkSignature);
        }
        previousSignature = chunkSignature;
    }

    private void onTrailerLine(String trailer) {
        if (trailer.isEmpty()) {
            finishTrailers();
            return;
        }
        int colon = trailer.indexOf(':');
        if (colon <= 0 || trailers.size() >= MAX_TRAILERS) {
            throw malformed("bad trailer \"" + trailer + "\"");
        }
        trailers.put(trailer.substring(0, colon).strip().toLowerCase(Locale.ROOT), trailer.substring(colon + 1).strip());
    }

    private void finishTrailers() {
        state = State.DONE;
        String signature = trailers.remove(TRAILER_SIGNATURE);
        if (settings.signedTrailer() && settings.signer() != null) {
            verifyTrailerSignature(signature);
        }
        ChecksumAlgorithm algorithm = settings.trailerChecksum();
        if (algorithm != null) {
            String value = trailers.get(algorithm.headerName());
            if (value == null) {
                throw S3Error.INVALID_REQUEST.exception("The x-amz-trailer header names " + algorithm.headerName()
                        + " but the body has no such trailer.");
            }
            S3Exception mismatch = ChecksumHeaders.expect(algorithm, value).check(trailerChecksum.finish());
            if (mismatch != null) {
                throw mismatch;
            }
            if (settings.declared() != null) {
                settings.declared().trailerMatched(value);
            }
        }
        if (settings.decodedLength() >= 0 && decodedLength != settings.decodedLength()) {
            throw S3Error.INCOMPLETE_BODY.exception();
        }
    }

    private void verifyTrailerSignature(String signature) {
        if (signature == null) {
            throw S3Error.SIGNATURE_DOES_NOT_MATCH.exception("The signed trailer has no x-amz-trailer-signature.");
        }
        StringBuilder canonical = new StringBuilder();
        trailers.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
        if (!settings.signer().trailerSignatureMatches(previousSignature, canonical.toString(), signature)) {
            throw S3Error.SIGNATURE_DOES_NOT_MATCH.exception(
                    "The trailer signature we calculated does not match the signature you provided.")
                    .with("SignatureProvided", signature);
        }
    }

    /** Reads up to the end of a CRLF-terminated line; null while the line continues in a later buffer. */
    private String readLine(DataBuffer encoded) {
        int start = encoded.readPosition();
        int newline = encoded.indexOf(b -> b == '\n', start);
        int end = newline < 0 ? encoded.writePosition() : newline;
        if (line.size() + (end - start) > MAX_LINE) {
            throw malformed("a chunk header or trailer line is longer than " + MAX_LINE + " bytes");
        }
        byte[] bytes = new byte[end - start];
        encoded.read(bytes);
        line.writeBytes(bytes);
        if (newline < 0) {
            return null;
        }
        encoded.read();
        String text = line.toString(StandardCharsets.US_ASCII);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static S3Exception malformed(String why) {
        return S3Error.INCOMPLETE_BODY.exception("The aws-chunked body is malformed: " + why + ".");
    }
}
