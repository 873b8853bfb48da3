package dev.mocks3.s3.lock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/**
 * A bucket's ObjectLockConfiguration: Object Lock enabled (always, once there is one) and an optional
 * default retention, a mode with a period of Days or Years, given to every new version that names no
 * retention of its own.
 *
 * @param mode  null when there is no default retention (then days and years are null too)
 * @param days  the period in days, or null
 * @param years the period in years, or null
 */
public record ObjectLockConfiguration(RetentionMode mode, Integer days, Integer years) {
    static final String ROOT = "ObjectLockConfiguration";
    /** What CreateBucket with {@code x-amz-bucket-object-lock-enabled: true} keeps. */
    public static final ObjectLockConfiguration ENABLED = new ObjectLockConfiguration(null, null, null);

    /** Parses a PutObjectLockConfiguration body, refusing what S3 refuses. */
    public static ObjectLockConfiguration parse(byte[] body) {
        if (body.length == 0) {
            throw S3Error.MISSING_REQUEST_BODY.exception();
        }
        Element root = XmlDocument.parse(body, ROOT).root();
        if (!"Enabled".equals(trimmed(XmlDocument.childText(root, "ObjectLockEnabled")))) {
            throw S3Error.MALFORMED_XML.exception();
        }
        List<Element> rules = XmlDocument.children(root, "Rule");
        if (rules.isEmpty()) {
            return ENABLED;
        }
        Element retention = XmlDocument.onlyChild(XmlDocument.onlyChild(root, "Rule"), "DefaultRetention");
        RetentionMode mode = RetentionMode.named(trimmed(XmlDocument.childText(retention, "Mode")));
        String days = trimmed(XmlDocument.childText(retention, "Days"));
        String years = trimmed(XmlDocument.childText(retention, "Years"));
        if (mode == null || (days == null) == (years == null)) {
            throw S3Error.MALFORMED_XML.exception();
        }
        return new ObjectLockConfiguration(mode, period(days), period(years));
    }

    /** The stored document, as GetObjectLockConfiguration answers it. */
    public String xml() {
        XmlWriter xml = XmlWriter.document(ROOT).element("ObjectLockEnabled", "Enabled");
        if (mode != null) {
            xml.open("Rule").open("DefaultRetention").element("Mode", mode.name()).element("Days", days)
                    .element("Years", years).close("DefaultRetention").close("Rule");
        }
        return xml.finish(ROOT);
    }

    /** Reads a stored document back. */
    public static ObjectLockConfiguration stored(String document) {
        return parse(document.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether new versions get a retention without asking for one. */
    public boolean hasDefaultRetention() {
        return mode != null;
    }

    /** The retention the default gives a version made at {@code now}, if the bucket has a default. */
    Optional<ObjectLock> defaultFor(Instant now) {
        if (mode == null) {
            return Optional.empty();
        }
        var made = now.atOffset(ZoneOffset.UTC);
        Instant until = (days != null ? made.plusDays(days) : made.plusYears(years)).toInstant();
        return Optional.of(new ObjectLock(mode, until, null));
    }

    private static Integer period(String text) {
        if (text == null) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw S3Error.MALFORMED_XML.exception();
        }
        if (value <= 0) {
            throw S3Error.INVALID_RETENTION_PERIOD.exception();
        }
        return value;
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }
}
