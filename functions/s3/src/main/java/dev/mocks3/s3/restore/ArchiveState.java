package dev.mocks3.s3.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.core.metadata.StoredHeaders;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.state.metadata.ObjectRecord;

/**
 * The restore of one archived version (storage class GLACIER or DEEP_ARCHIVE): when it was asked
 * for, when the temporary copy becomes readable and when it expires. Kept among the version's stored
 * headers under internal names, so a new write or a copy starts without one and it moves with the
 * version between current and noncurrent. No restore asked: all three null.
 */
public record ArchiveState(Instant requested, Instant readyAt, Instant expiresAt) {
    /** The classes whose objects must be restored before they can be read. */
    public static final Set<String> ARCHIVED = Set.of("GLACIER", "DEEP_ARCHIVE");
    private static final String REQUESTED = StoredHeaders.INTERNAL_PREFIX + "restore-requested";
    private static final String READY = StoredHeaders.INTERNAL_PREFIX + "restore-ready";
    private static final String EXPIRES = StoredHeaders.INTERNAL_PREFIX + "restore-expires";
    static final ArchiveState NONE = new ArchiveState(null, null, null);

    public static ArchiveState of(Map<String, String> storedHeaders) {
        String requested = storedHeaders.get(REQUESTED);
        if (requested == null) {
            return NONE;
        }
        return new ArchiveState(Instant.parse(requested), Instant.parse(storedHeaders.get(READY)),
                Instant.parse(storedHeaders.get(EXPIRES)));
    }

    /** The stored headers without restore state: a copy is a new object. */
    public static Map<String, String> without(Map<String, String> storedHeaders) {
        Map<String, String> rest = new TreeMap<>(storedHeaders);
        rest.remove(REQUESTED);
        rest.remove(READY);
        rest.remove(EXPIRES);
        return rest;
    }

    Map<String, String> applyTo(Map<String, String> storedHeaders) {
        Map<String, String> headers = without(storedHeaders);
        headers.put(REQUESTED, requested.toString());
        headers.put(READY, readyAt.toString());
        headers.put(EXPIRES, expiresAt.toString());
        return headers;
    }

    boolean ongoing(Instant now) {
        return requested != null && now.isBefore(readyAt);
    }

    boolean restored(Instant now) {
        return requested != null && !now.isBefore(readyAt) && now.isBefore(expiresAt);
    }

    /** A restore asked for at {@code now}: ready after {@code delay}, then kept for {@code days}. */
    static ArchiveState started(Instant now, Duration delay, Duration days) {
        Instant ready = now.plus(delay);
        return new ArchiveState(now, ready, ready.plus(days));
    }

    /** A restored copy whose expiry a new request moves to {@code days} from {@code now}. */
    ArchiveState extended(Instant now, Duration days) {
        return new ArchiveState(requested, readyAt, now.plus(days));
    }

    /** S3's {@code x-amz-restore} value, while a restore is under way or its copy is readable. */
    Optional<String> header(Instant now) {
        if (ongoing(now)) {
            return Optional.of("ongoing-request=\"true\"");
        }
        return restored(now) ? Optional.of("ongoing-request=\"false\", expiry-date=\"" + HttpDates.format(expiresAt) + "\"")
                : Optional.empty();
    }

    /** Adds {@code x-amz-restore} to a GET or HEAD answer about {@code object} when a restore is under way or done. */
    public static void describe(ObjectRecord object, HttpHeaders out, Instant now) {
        if (ARCHIVED.contains(object.storageClass())) {
            of(object.headers()).header(now).ifPresent(value -> out.set("x-amz-restore", value));
        }
    }

    /**
     * A listing entry's {@code RestoreStatus}, written when the request asked for it
     * ({@code x-amz-optional-object-attributes: RestoreStatus}) and {@code object} is archived with a restore
     * under way (IsRestoreInProgress true) or a readable restored copy (false, and its RestoreExpiryDate).
     */
    public static void writeRestoreStatus(ObjectRecord object, XmlWriter xml, Instant now) {
        if (!ARCHIVED.contains(object.storageClass())) {
            return;
        }
        ArchiveState state = of(object.headers());
        if (state.ongoing(now)) {
            xml.open("RestoreStatus").element("IsRestoreInProgress", true).close("RestoreStatus");
        } else if (state.restored(now)) {
            xml.open("RestoreStatus").element("IsRestoreInProgress", false)
                    .element("RestoreExpiryDate", state.expiresAt()).close("RestoreStatus");
        }
    }

    /** Refuses to read the bytes of an archived object that has no readable restored copy: 403 InvalidObjectState. */
    public static void checkReadable(ObjectRecord object, Instant now) {
        if (ARCHIVED.contains(object.storageClass()) && !of(object.headers()).restored(now)) {
            throw S3Error.INVALID_OBJECT_STATE.exception().with("StorageClass", object.storageClass());
        }
    }
}
