package dev.mocks3.core.tagging;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.w3c.dom.Element;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlDocument;
import dev.mocks3.core.xml.XmlWriter;

/**
 * Tags as S3 takes them: the {@code Tagging} XML document of Put*Tagging, or the URL-encoded
 * {@code x-amz-tagging} header; checked against S3's limits (10 tags on an object, 50 on a bucket,
 * keys up to 128 characters, values up to 256, no key twice, no {@code aws:} key).
 */
public final class TagSet {
    public static final int MAX_OBJECT_TAGS = 10;
    public static final int MAX_BUCKET_TAGS = 50;
    static final int MAX_KEY = 128;
    static final int MAX_VALUE = 256;

    private TagSet() {
    }

    /** The tags of a {@code <Tagging><TagSet><Tag>...} document; MalformedXML when it is not one. */
    public static Map<String, String> fromXml(byte[] body, int maxTags) {
        XmlDocument doc = XmlDocument.parse(body);
        if (!"Tagging".equals(doc.rootName()) || XmlDocument.children(doc.root(), "TagSet").size() != 1) {
            throw S3Error.MALFORMED_XML.exception();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element tag : XmlDocument.children(XmlDocument.children(doc.root(), "TagSet").get(0), "Tag")) {
            String key = XmlDocument.childText(tag, "Key");
            String value = XmlDocument.childText(tag, "Value");
            if (key == null || value == null) {
                throw S3Error.MALFORMED_XML.exception();
            }
            add(tags, key, value);
        }
        return checked(tags, maxTags);
    }

    /** The tags of an {@code x-amz-tagging} header ({@code k1=v1&k2=v2}, form-encoded); none for null. */
    public static Map<String, String> fromHeader(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            add(tags, key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return checked(tags, MAX_OBJECT_TAGS);
    }

    /** The {@code Tagging} document of the tags, in key order (as S3 lists them, whatever order they were given in). */
    public static byte[] toXml(Map<String, String> tags) {
        XmlWriter xml = XmlWriter.document("Tagging").open("TagSet");
        new TreeMap<>(tags).forEach((key, value) -> xml.open("Tag").element("Key", key).element("Value", value).close("Tag"));
        return xml.close("TagSet").finishBytes("Tagging");
    }

    private static void add(Map<String, String> tags, String key, String value) {
        if (tags.put(key, value) != null) {
            throw S3Error.INVALID_TAG.exception("Cannot provide multiple Tags with the same key").with("TagKey", key);
        }
    }

    private static Map<String, String> checked(Map<String, String> tags, int maxTags) {
        if (tags.size() > maxTags) {
            throw S3Error.INVALID_TAG.exception(maxTags == MAX_OBJECT_TAGS ? "Object tags cannot be greater than 10"
                    : "Bucket tag count cannot be greater than 50");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty()) {
                throw S3Error.INVALID_TAG.exception("The TagKey you have provided is invalid").with("TagKey", key);
            }
            if (key.codePointCount(0, key.length()) > MAX_KEY) {
                throw S3Error.INVALID_TAG.exception("The TagKey you have provided is too long, max " + MAX_KEY)
                        .with("TagKey", key);
            }
            if (value.codePointCount(0, value.length()) > MAX_VALUE) {
                throw S3Error.INVALID_TAG.exception("The TagValue you have provided is too long, max " + MAX_VALUE)
                        .with("TagKey", key).with("TagValue", value);
            }
            if (key.startsWith("aws:")) {
                throw S3Error.INVALID_TAG.exception("Your TagKey cannot be prefixed with aws:").with("TagKey", key);
            }
        });
        return tags;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Error.INVALID_ARGUMENT.exception("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.")
                    .with("ArgumentName", "x-amz-tagging");
        }
    }
}
