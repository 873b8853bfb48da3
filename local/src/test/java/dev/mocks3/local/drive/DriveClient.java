package dev.mocks3.local.drive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.drive.http.DriveServer;
import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;

/** The drive API of the shared MockS3, spoken to over plain HTTP as a browser or curl would. */
final class DriveClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The password of every user {@link #newUser} registers. */
    private static final String PASSWORD = "s3cret-pass";
    private final URI base;
    private final HttpClient http;

    DriveClient(MockS3Fixture mocks3) {
        this(mocks3.runner(), mocks3.http());
    }

    DriveClient(LocalRunner runner, HttpClient http) {
        this(URI.create("http://127.0.0.1:" + runner.context().getBean(DriveServer.class).port()), http);
    }

    /** The drive API at {@code base} (a MockS3 in another JVM). */
    DriveClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** The upload's callback, called again while the drive answers 300013 (still verifying), for up to two minutes. */
    Reply callback(String token, String uploadId) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Reply r = post("/file/v1/upload/callback", token, "uploadId", uploadId);
        while (r.code() == 300013 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            r = post("/file/v1/upload/callback", token, "uploadId", uploadId);
        }
        return r;
    }

    URI base() {
        return base;
    }

    /** A status and the envelope it came with. */
    record Reply(int status, JsonNode body) {
        int code() {
            return body.path("code").asInt();
        }

        JsonNode data() {
            return body.path("data");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply send(String method, String pathAndQuery, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", token);
        }
        try {
            HttpResponse<String> r = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).get(60, TimeUnit.SECONDS);
            return new Reply(r.statusCode(), JSON.readTree(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        }
    }

    Reply post(String path, String token, Object... fields) {
        return send("POST", path, token, json(fields));
    }

    Reply get(String path, String token, Object... query) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i + 1 < query.length; i += 2) {
            q.append(q.length() == 0 ? '?' : '&').append(query[i]).append('=')
                    .append(java.net.URLEncoder.encode(String.valueOf(query[i + 1]), java.nio.charset.StandardCharsets.UTF_8));
        }
        return send("GET", path + q, token, null);
    }

    /** A GET whose answer is bytes (stream, zip), with its headers. */
    HttpResponse<byte[]> download(String pathAndQuery, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (token != null) {
            b.header("Authorization", token);
        }
        try {
            return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        }
    }

    /** A JSON object of name/value pairs. */
    static String json(Object... fields) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            node.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        return node.toString();
    }

    /** A mobile number no other test uses. */
    static String newMobile() {
        return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    /** A fresh user: its token and id. */
    record User(String token, long id, String mobile) {
    }

    User newUser() {
        String mobile = newMobile();
        Reply r = post("/usercenter/v1/user/register", null, "mobile", mobile, "password", PASSWORD, "name", "tester");
        if (r.code() != 200) {
            throw new IllegalStateException("register failed: " + r);
        }
        String token = r.data().path("accessToken").asText();
        long id = get("/usercenter/v1/user/info", token).data().path("id").asLong();
        return new User(token, id, mobile);
    }

    /** {@code user} (registered on any instance) logged in on this drive: its token here. */
    User login(User user) {
        Reply r = post("/usercenter/v1/user/login", null, "mobile", user.mobile(), "password", PASSWORD);
        if (r.code() != 200) {
            throw new IllegalStateException("login failed: " + r);
        }
        return new User(r.data().path("accessToken").asText(), user.id(), user.mobile());
    }

    long folder(User user, long parent, String name) {
        Reply r = post("/file/v1/folder/create", user.token(), "parentId", parent, "name", name);
        if (r.code() != 200) {
            throw new IllegalStateException("folder create failed: " + r);
        }
        return r.data().path("id").asLong();
    }

    /** Uploads through presign, a plain PUT to the presigned URL, and the callback; returns the file's id. */
    long upload(User user, long parent, String name, byte[] bytes) {
        Reply presign = post("/file/v1/upload/presign", user.token(), "parentId", parent, "name", name,
                "size", bytes.length, "sha256", sha256(bytes));
        if (presign.code() != 200) {
            throw new IllegalStateException("presign failed: " + presign);
        }
        JsonNode part = presign.data().path("parts").get(0);
        int status = put(part, bytes);
        if (status != 200) {
            throw new IllegalStateException("presigned PUT answered " + status);
        }
        Reply done = post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText());
        if (done.code() != 200) {
            throw new IllegalStateException("callback failed: " + done);
        }
        return done.data().path("id").asLong();
    }

    /** Sends {@code bytes} as a presign answer's part says (method, URL, headers); returns the HTTP status. */
    int put(JsonNode part, byte[] bytes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(part.path("url").asText()))
                .method(part.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (Iterator<Map.Entry<String, JsonNode>> it = part.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                b.header(h.getKey(), h.getValue().asText());
            }
        }
        try {
            return http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).get(60, TimeUnit.SECONDS).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException("PUT to S3 failed", e);
        }
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
