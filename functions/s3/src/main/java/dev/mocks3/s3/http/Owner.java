package dev.mocks3.s3.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.mocks3.core.xml.XmlWriter;

/** The owner S3 shows for an access key: a stable 64-hex canonical ID and a display name. */
public record Owner(String id, String displayName) {

    /** Listings name an owner per entry; the few distinct owners are hashed once each. */
    private static final java.util.Map<String, Owner> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    public static Owner of(String accessKey) {
        String name = accessKey == null || accessKey.isEmpty() ? "anonymous" : accessKey;
        return KNOWN.computeIfAbsent(name, Owner::hashed);
    }

    private static Owner hashed(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return new Owner(HexFormat.of().formatHex(digest), name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlWriter writeTo(XmlWriter xml, String element) {
        return xml.open(element).element("ID", id).element("DisplayName", displayName).close(element);
    }
}
