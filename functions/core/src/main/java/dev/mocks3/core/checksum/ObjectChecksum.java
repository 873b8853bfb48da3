package dev.mocks3.core.checksum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.xml.XmlWriter;

/**
 * The checksum an object keeps, as stored in its row's {@code checksums} map: {@code <ALGORITHM>: value},
 * {@code type: COMPOSITE} for a checksum of part checksums, and for a multipart object whose upload named
 * an algorithm its parts ({@code parts: number:size:value,...}), which GetObjectAttributes lists.
 *
 * @param value base64; a composite one ends in {@code -<part count>} as S3 sends it
 * @param parts empty unless the object was uploaded in parts with a checksum algorithm
 */
public record ObjectChecksum(ChecksumAlgorithm algorithm, String value, ChecksumType type, List<Part> parts) {
    public static final String CHECKSUM_TYPE = "x-amz-checksum-type";
    private static final String TYPE_KEY = "type";
    private static final String PARTS_KEY = "parts";

    /** One part of a multipart object: its number in the upload, size and checksum (base64). */
    public record Part(int number, long size, String value) {
    }

    public ObjectChecksum {
        parts = List.copyOf(parts);
    }

    public static ObjectChecksum fullObject(ChecksumAlgorithm algorithm, String value) {
        return new ObjectChecksum(algorithm, value, ChecksumType.FULL_OBJECT, List.of());
    }

    /** The checksum a stored map describes; empty for none (or an algorithm this version does not know). */
    public static Optional<ObjectChecksum> from(Map<String, String> stored) {
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.amzChecksums()) {
            String value = stored.get(algorithm.name());
            if (value != null) {
                ChecksumType type = "COMPOSITE".equals(stored.get(TYPE_KEY)) ? ChecksumType.COMPOSITE : ChecksumType.FULL_OBJECT;
                return Optional.of(new ObjectChecksum(algorithm, value, type, parts(stored.get(PARTS_KEY))));
            }
        }
        return Optional.empty();
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new TreeMap<>();
        map.put(algorithm.name(), value);
        if (type == ChecksumType.COMPOSITE) {
            map.put(TYPE_KEY, type.name());
        }
        if (!parts.isEmpty()) {
            StringBuilder joined = new StringBuilder(parts.size() * 32);
            for (Part part : parts) {
                joined.append(joined.isEmpty() ? "" : ",").append(part.number()).append(':').append(part.size())
                        .append(':').append(part.value());
            }
            map.put(PARTS_KEY, joined.toString());
        }
        return map;
    }

    /** {@code x-amz-checksum-<algorithm>} and {@code x-amz-checksum-type}. */
    public void writeTo(HttpHeaders headers) {
        headers.set(algorithm.headerName(), value);
        headers.set(CHECKSUM_TYPE, type.name());
    }

    /** {@code <Checksum<ALGORITHM>>} and {@code <ChecksumType>}, as in S3's XML answers. */
    public XmlWriter writeTo(XmlWriter xml) {
        return xml.element(algorithm.xmlElement(), value).element("ChecksumType", type.name());
    }

    private static List<Part> parts(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        for (String part : joined.split(",")) {
            String[] fields = part.split(":", 3);
            parts.add(new Part(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), fields[2]));
        }
        return parts;
    }
}
