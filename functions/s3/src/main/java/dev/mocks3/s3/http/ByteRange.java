package dev.mocks3.s3.http;

import dev.mocks3.core.error.S3Error;

/**
 * A single byte range of an object ({@code bytes=a-b}, {@code a-}, {@code -n}) resolved against
 * the object's size. Syntax S3 does not support (several ranges, other units) is ignored and
 * the whole object is served, as S3 does.
 */
public record ByteRange(long first, long last, long size) {

    /**
     * The {@code length} bytes from {@code first}. An empty range (an empty part of an object read by
     * {@code partNumber}) has {@code last = first - 1}: its Content-Range still names where it starts, which is
     * what SDK v2's multipart download needs to place it in the file.
     */
    public static ByteRange ofLength(long first, long length, long size) {
        return new ByteRange(first, first + length - 1, size);
    }

    public long length() {
        return last - first + 1;
    }

    public String contentRange() {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range the header asks for, null for the whole object; unsatisfiable → InvalidRange. */
    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String spec = header.trim();
        if (!spec.startsWith("bytes=") || spec.indexOf(',') >= 0) {
            return null;
        }
        spec = spec.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        try {
            if (from.isEmpty()) {
                if (to.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    throw unsatisfiable(size, header);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1, size);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Long.parseLong(to);
            if (first >= size) {
                throw unsatisfiable(size, header);
            }
            if (last < first) {
                return null;
            }
            return new ByteRange(first, Math.min(last, size - 1), size);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RuntimeException unsatisfiable(long size, String header) {
        return S3Error.INVALID_RANGE.exception().with("RangeRequested", header)
                .with("ActualObjectSize", Long.toString(size));
    }
}
