package dev.mocks3.s3.lock;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.state.metadata.ObjectLockHeaders;
import dev.mocks3.s3.access.GovernanceBypass;
import dev.mocks3.state.metadata.VersionGuard;

/**
 * The Object Lock state of one object version: a retention (mode and retain-until date) and a legal
 * hold, each optional. It is kept among the version's stored headers under the names S3 sends them
 * with, so GET and HEAD echo it and it moves with the version between current and non-current.
 *
 * @param legalHold null when no legal hold was ever set on the version (GetObjectLegalHold then finds none)
 */
public record ObjectLock(RetentionMode mode, Instant retainUntil, Boolean legalHold) {
    public static final String MODE = ObjectLockHeaders.MODE;
    public static final String RETAIN_UNTIL = ObjectLockHeaders.RETAIN_UNTIL;
    public static final String LEGAL_HOLD = ObjectLockHeaders.LEGAL_HOLD;
    static final ObjectLock NONE = new ObjectLock(null, null, null);

    /** The lock kept in a version's stored headers. */
    public static ObjectLock of(Map<String, String> storedHeaders) {
        String mode = storedHeaders.get(MODE);
        String until = storedHeaders.get(RETAIN_UNTIL);
        String hold = storedHeaders.get(LEGAL_HOLD);
        return new ObjectLock(RetentionMode.named(mode), until == null ? null : Instant.parse(until),
                hold == null ? null : "ON".equals(hold));
    }

    /** The stored headers with every lock header removed: a copy takes its lock from its own request. */
    public static Map<String, String> without(Map<String, String> storedHeaders) {
        Map<String, String> rest = new TreeMap<>(storedHeaders);
        rest.remove(MODE);
        rest.remove(RETAIN_UNTIL);
        rest.remove(LEGAL_HOLD);
        return rest;
    }

    /** {@code storedHeaders} with this lock in place of the one they held. */
    public Map<String, String> applyTo(Map<String, String> storedHeaders) {
        Map<String, String> headers = without(storedHeaders);
        if (mode != null) {
            headers.put(MODE, mode.name());
            headers.put(RETAIN_UNTIL, XmlWriter.timestamp(retainUntil));
        }
        if (legalHold != null) {
            headers.put(LEGAL_HOLD, legalHold ? "ON" : "OFF");
        }
        return headers;
    }

    public boolean hasRetention() {
        return mode != null;
    }

    ObjectLock withRetention(RetentionMode newMode, Instant newUntil) {
        return new ObjectLock(newMode, newUntil, legalHold);
    }

    ObjectLock withLegalHold(boolean on) {
        return new ObjectLock(mode, retainUntil, on);
    }

    boolean retentionInForce(Instant now) {
        return mode != null && retainUntil.isAfter(now);
    }

    /**
     * Refuses a retention change S3 refuses: while COMPLIANCE is in force only a later date in the same
     * mode; while GOVERNANCE is, anything else than a later date in the same mode needs the bypass.
     */
    void checkRetentionChange(RetentionMode newMode, Instant newUntil, boolean bypassGovernance, Instant now) {
        if (!retentionInForce(now)) {
            return;
        }
        boolean extends_ = newMode == mode && newUntil != null && !newUntil.isBefore(retainUntil);
        if (extends_ || mode == RetentionMode.GOVERNANCE && bypassGovernance) {
            return;
        }
        throw locked();
    }

    /** True when the version must not be removed: a legal hold, COMPLIANCE, or GOVERNANCE without the bypass. */
    boolean preventsRemoval(boolean bypassGovernance, Instant now) {
        if (Boolean.TRUE.equals(legalHold)) {
            return true;
        }
        return retentionInForce(now) && (mode == RetentionMode.COMPLIANCE || !bypassGovernance);
    }

    /**
     * The guard of a delete request, which may bypass governance with {@code x-amz-bypass-governance-retention:
     * true} when the caller is allowed to ({@link GovernanceBypass}).
     */
    public static VersionGuard guard(S3Call call) {
        return guard(GovernanceBypass.granted(call));
    }

    /** The guard a delete by version id runs: a locked version is 403 AccessDenied, as on S3. */
    public static VersionGuard guard(boolean bypassGovernance) {
        return storedHeaders -> {
            if (of(storedHeaders).preventsRemoval(bypassGovernance, Instant.now())) {
                throw locked();
            }
        };
    }

    static S3Exception locked() {
        return S3Error.ACCESS_DENIED.exception("Access Denied because object protected by object lock.");
    }
}
