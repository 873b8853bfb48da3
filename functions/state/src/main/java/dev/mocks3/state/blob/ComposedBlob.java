package dev.mocks3.state.blob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A blob made of other blobs, in order (a completed multipart upload): its bytes are never
 * copied. Its manifest lists the parts, one {@code <sha256> <size>} line each; its id is the
 * SHA-256 of the manifest, a dash and the part count, so it can never be a plain blob's SHA-256
 * (plain ids are exactly 64 hex digits) and equal part lists share one composed blob.
 */
public record ComposedBlob(String id, List<Part> parts) {

    /** One part blob and its length. */
    public record Part(String sha256, long size) {
    }

    /** A part's bytes from {@code offset}, {@code length} long, as a ranged read of the composed blob needs them. */
    record Slice(String sha256, long offset, long length) {
    }

    public static ComposedBlob of(List<Part> parts) {
        return new ComposedBlob(sha256Hex(manifest(parts)) + "-" + parts.size(), List.copyOf(parts));
    }

    /** True for ids of composed blobs, false for the plain SHA-256 of stored bytes. */
    public static boolean isComposed(String id) {
        return id.length() > 64 && id.charAt(64) == '-';
    }

    /** A name the blob store may hold: a plain blob's SHA-256 or a composed blob's id. */
    public static boolean isBlobName(String name) {
        int hexEnd = Math.min(name.length(), 64);
        if (hexEnd != 64 || !name.substring(0, 64).chars().allMatch(HexFormat::isHexDigit)) {
            return false;
        }
        return name.length() == 64 || (isComposed(name) && name.length() > 65
                && name.substring(65).chars().allMatch(Character::isDigit));
    }

    public long size() {
        return parts.stream().mapToLong(Part::size).sum();
    }

    public byte[] manifest() {
        return manifest(parts);
    }

    private static byte[] manifest(List<Part> parts) {
        StringBuilder text = new StringBuilder(parts.size() * 80);
        parts.forEach(part -> text.append(part.sha256()).append(' ').append(part.size()).append('\n'));
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static ComposedBlob parse(String id, byte[] manifest) {
        List<Part> parts = new ArrayList<>();
        for (String line : new String(manifest, StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isEmpty()) {
                int space = line.indexOf(' ');
                parts.add(new Part(line.substring(0, space), Long.parseLong(line.substring(space + 1))));
            }
        }
        return new ComposedBlob(id, parts);
    }

    /** The pieces of the parts that hold bytes {@code offset} to {@code offset + length - 1}, in order. */
    List<Slice> slices(long offset, long length) {
        List<Slice> slices = new ArrayList<>();
        long partStart = 0;
        long end = offset + length;
        for (Part part : parts) {
            long partEnd = partStart + part.size();
            if (partEnd > offset && partStart < end && part.size() > 0) {
                long from = Math.max(offset, partStart) - partStart;
                long to = Math.min(end, partEnd) - partStart;
                slices.add(new Slice(part.sha256(), from, to - from));
            }
            if (partEnd >= end) {
                break;
            }
            partStart = partEnd;
        }
        return slices;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
