package dev.mocks3.local.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@code multipart/form-data} POST as a browser submits an upload form: fields in order, the part
 * named {@code file}, and optionally fields after it. Sent with the JDK's HttpClient.
 */
final class BrowserForm {
    private final String boundary = "----MockS3FormBoundary" + UUID.randomUUID().toString().replace("-", "");
    private final List<String[]> before = new ArrayList<>();
    private final List<String[]> after = new ArrayList<>();
    private String filename = "hello.txt";
    private String fileType = "text/plain";
    private Supplier<InputStream> file = () -> new ByteArrayInputStream("hello form".getBytes(StandardCharsets.UTF_8));
    private boolean withFile = true;
    private boolean fileAdded;

    BrowserForm field(String name, String value) {
        (fileAdded ? after : before).add(new String[] {name, value});
        return this;
    }

    BrowserForm fields(Map<String, String> fields) {
        fields.forEach(this::field);
        return this;
    }

    /** The file part; fields added after this come after it in the body. */
    BrowserForm file(String name, String type, byte[] content) {
        return file(name, type, () -> new ByteArrayInputStream(content));
    }

    BrowserForm file(String name, String type, Supplier<InputStream> content) {
        this.filename = name;
        this.fileType = type;
        this.file = content;
        this.fileAdded = true;
        return this;
    }

    BrowserForm withoutFile() {
        withFile = false;
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body, streamed (the file is never held whole by this side either). */
    InputStream body() {
        List<InputStream> parts = new ArrayList<>();
        before.forEach(f -> parts.add(text(fieldPart(f[0], f[1]))));
        if (withFile) {
            parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + fileType + "\r\n\r\n"));
            parts.add(file.get());
            parts.add(text("\r\n"));
        }
        after.forEach(f -> parts.add(text(fieldPart(f[0], f[1]))));
        parts.add(text("--" + boundary + "--\r\n"));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    private String fieldPart(String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static InputStream text(String value) {
        return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts the form with a Content-Length, as browsers do. */
    HttpResponse<String> post(HttpClient http, URI uri) {
        try (InputStream body = body()) {
            return send(http, uri, HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the form chunked, streamed from its sources: for files too large to hold. */
    HttpResponse<String> postStreamed(HttpClient http, URI uri) {
        return send(http, uri, HttpRequest.BodyPublishers.ofInputStream(this::body));
    }

    private HttpResponse<String> send(HttpClient http, URI uri, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", contentType()).POST(body).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("POST " + uri + " failed", e);
        }
    }
}
