package dev.mocks3.drive.upload;

import java.util.List;

import dev.mocks3.drive.storage.PresignedRequest;

/**
 * What presign and parts answer: the upload id, how the file is cut, the parts already in S3 and
 * a presigned request for each part still to send (one PUT with the SHA-256 header for a small file).
 */
public record UploadPlan(String uploadId, boolean multipart, long size, long partSize, int partCount,
                         List<DonePart> uploaded, List<PartRequest> parts) {

    /** A part S3 already has. */
    public record DonePart(int partNumber, long size, String etag) {
    }

    /** A part to send: {@code method} to {@code url} with {@code headers}, exactly {@code size} bytes. */
    public record PartRequest(int partNumber, long size, String method, String url, java.util.Map<String, String> headers,
                              long expiresAt) {
        static PartRequest of(int partNumber, long size, PresignedRequest request) {
            return new PartRequest(partNumber, size, request.method(), request.url(), request.headers(), request.expiresAt());
        }
    }
}
