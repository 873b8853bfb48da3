package dev.mocks3.drive.files;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.drive.http.DriveError;

/**
 * Where a page ended: the last entry's folder flag, sort key and id, as opaque base64url JSON. The
 * next page starts strictly after it, so entries added or removed meanwhile never shift a page.
 */
public record ListCursor(boolean folder, Object key, long id) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String encode(boolean folder, String key, long id) {
        ObjectNode node = JSON.createObjectNode().put("f", folder).put("k", key).put("i", id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code text}, its key typed by {@code keyType}; null for a first page; 100002 when garbled. */
    static ListCursor decode(String text, java.util.function.Function<String, Object> keyType) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(text.strip()));
            if (!node.path("k").isTextual() || !node.path("i").canConvertToLong() || !node.path("f").isBoolean()) {
                throw DriveError.BAD_REQUEST.exception("cursor invalid");
            }
            return new ListCursor(node.get("f").asBoolean(), keyType.apply(node.get("k").asText()), node.get("i").asLong());
        } catch (RuntimeException | java.io.IOException e) {
            if (e instanceof dev.mocks3.drive.http.DriveException known) {
                throw known;
            }
            throw DriveError.BAD_REQUEST.exception("cursor invalid");
        }
    }
}
