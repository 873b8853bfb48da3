package dev.mocks3.junit.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * JSON over HTTP to the rules API, with the JDK's client. Requests are signed (SigV4 with an S3 key, as
 * the API asks in strict mode) when a key is given, else carry the bearer token when one is given.
 */
final class RulesHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final RulesApiAuth auth;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RulesHttp(URI base, RulesApiAuth auth) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.auth = auth;
    }

    URI base() {
        return base;
    }

    JsonNode get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, 200);
    }

    JsonNode post(String path, JsonNode body, int expected) {
        return send("POST", path, body, expected);
    }

    void delete(String path) {
        send("DELETE", path, null, 204, 404);
    }

    JsonNode send(String method, String pathAndQuery, JsonNode body, int... expected) {
        URI uri = URI.create(base + pathAndQuery);
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authenticate(request, method, uri, body != null, bytes);
        HttpResponse<String> response = exchange(request.build(), method, uri);
        for (int status : expected) {
            if (response.statusCode() == status) {
                return read(response.body());
            }
        }
        throw new RulesApiException(method, uri, response.statusCode(), response.body());
    }

    private void authenticate(HttpRequest.Builder request, String method, URI uri, boolean json, byte[] body) {
        if (auth.accessKey() != null) {
            SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
            if (json) {
                unsigned.putHeader("Content-Type", "application/json");
            }
            SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsCredentialsIdentity.create(auth.accessKey(), auth.secretKey()))
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "mocks3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, auth.region())
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)).request();
            signed.headers().forEach((name, values) -> {
                // the JDK client sets Host itself, and Content-Type is already there
                if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-type")) {
                    values.forEach(value -> request.header(name, value));
                }
            });
        } else if (auth.bearerToken() != null) {
            request.header("Authorization", "Bearer " + auth.bearerToken());
        }
    }

    /** Bounded by the future rather than HttpRequest.timeout, whose timer can close a pooled connection in use. */
    private HttpResponse<String> exchange(HttpRequest request, String method, URI uri) {
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        }
    }

    private static JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("the rules API answered no JSON: " + text, e);
        }
    }
}
