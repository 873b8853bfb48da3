package dev.mocks3.local.s3;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.mocks3.local.MockS3Fixture;

/** Unsigned requests as curl sends them, for the seed's examples and the error cases. */
final class RawHttp {
    private final MockS3Fixture mocks3;

    RawHttp(MockS3Fixture mocks3) {
        this.mocks3 = mocks3;
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mocks3.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return mocks3.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** The {@code <Code>} of an S3 error document. */
    static String errorCode(HttpResponse<String> response) {
        String body = response.body();
        int start = body.indexOf("<Code>");
        int end = body.indexOf("</Code>");
        return start < 0 || end < 0 ? "" : body.substring(start + 6, end);
    }
}
