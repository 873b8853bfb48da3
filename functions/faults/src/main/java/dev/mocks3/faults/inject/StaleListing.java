package dev.mocks3.faults.inject;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mocks3.state.metadata.Listing;
import dev.mocks3.state.metadata.ObjectRecord;

/**
 * A listing page as an eventually consistent store shows it during stale_read windows: keys written
 * since are shown as they were (changed keys with their old ETag, size and time, new keys hidden,
 * deleted keys back). Works on the page's entries; the list operation renders the result.
 */
final class StaleListing {
    private StaleListing() {
    }

    /** {@code page} with the snapshots of the keys it covers (under {@code prefix}, not folded at {@code delimiter}) applied. */
    static Listing apply(Listing page, Map<String, StaleSnapshot> stale, String prefix, String delimiter) {
        TreeMap<String, ObjectRecord> entries = new TreeMap<>();
        page.contents().forEach(object -> entries.put(object.key(), object));
        stale.forEach((key, snapshot) -> {
            if (!covers(key, prefix, delimiter)) {
                return;
            }
            ObjectRecord current = entries.get(key);
            if (!snapshot.exists()) {
                entries.remove(key);
            } else {
                entries.put(key, asBefore(current, key, snapshot));
            }
        });
        List<ObjectRecord> contents = new ArrayList<>(entries.values());
        contents.sort(Comparator.comparing(ObjectRecord::key));
        return new Listing(contents, page.commonPrefixes(), page.truncated(), page.lastReturned());
    }

    private static boolean covers(String key, String prefix, String delimiter) {
        return key.startsWith(prefix)
                && (delimiter == null || delimiter.isEmpty() || !key.substring(prefix.length()).contains(delimiter));
    }

    /** The entry as the snapshot's GET headers describe it; what they do not say stays as it is now. */
    private static ObjectRecord asBefore(ObjectRecord current, String key, StaleSnapshot snapshot) {
        Map<String, String> headers = snapshot.headers();
        String etag = headers.get("ETag");
        String size = headers.get("Content-Length");
        Instant modified = lastModified(headers.get("Last-Modified"));
        if (current == null) {
            return new ObjectRecord("", key, "", size == null ? 0 : Long.parseLong(size),
                    etag == null ? "" : unquoted(etag), modified, headers.get("Content-Type"), Map.of(), Map.of(),
                    "STANDARD", null, Map.of());
        }
        return new ObjectRecord(current.bucket(), key, current.blobSha256(),
                size == null ? current.size() : Long.parseLong(size), etag == null ? current.etag() : unquoted(etag),
                modified == null ? current.lastModified() : modified, current.contentType(), current.headers(),
                current.userMetadata(), current.storageClass(), current.owner(), current.checksums());
    }

    private static Instant lastModified(String header) {
        if (header == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String unquoted(String etag) {
        return etag.startsWith("\"") && etag.endsWith("\"") && etag.length() >= 2 ? etag.substring(1, etag.length() - 1) : etag;
    }
}
