package dev.mocks3.drive.download;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for any file name: an ASCII fallback in {@code filename}
 * and the exact name, percent-encoded UTF-8, in {@code filename*} (RFC 6266 / RFC 8187).
 */
final class Attachment {

    private Attachment() {
    }

    static String disposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
