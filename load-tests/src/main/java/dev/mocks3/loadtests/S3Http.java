package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Supplier;

/** The few anonymous path-style S3 calls the scenarios make, over the JDK's HTTP client. */
final class S3Http {

    private static final Duration SMALL_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A 1 GiB body at a few MiB/s still fits. */
    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final HttpClient client;
    private final LoadTarget target;

    S3Http(LoadTarget target) {
        this.target = target;
        // HTTP/1.1 like S3 clients; no h2c upgrade dance on every connection
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Creates the bucket; one that exists and is ours (409 BucketAlreadyOwnedByYou) is fine too. */
    void createBucket(String bucket) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(target.bucket(bucket), SMALL_REQUEST_TIMEOUT)
                .PUT(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
        if (response.statusCode() != 200 && !(response.statusCode() == 409
                && response.body().contains("BucketAlreadyOwnedByYou"))) {
            throw new IOException("CreateBucket " + bucket + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    void deleteBucket(String bucket) throws IOException, InterruptedException {
        client.send(request(target.bucket(bucket), SMALL_REQUEST_TIMEOUT).DELETE().build(), BodyHandlers.discarding());
    }

    int put(String bucket, String key, byte[] body) throws IOException, InterruptedException {
        return client.send(request(target.object(bucket, key), SMALL_REQUEST_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.discarding()).statusCode();
    }

    HttpResponse<byte[]> get(String bucket, String key) throws IOException, InterruptedException {
        return client.send(request(target.object(bucket, key), SMALL_REQUEST_TIMEOUT).GET().build(),
                BodyHandlers.ofByteArray());
    }

    int delete(String bucket, String key) throws IOException, InterruptedException {
        return client.send(request(target.object(bucket, key), SMALL_REQUEST_TIMEOUT).DELETE().build(),
                BodyHandlers.discarding()).statusCode();
    }

    /** PUT with a declared Content-Length, the body read from the stream as it is sent. */
    int putStream(String bucket, String key, Supplier<InputStream> body, long length)
            throws IOException, InterruptedException {
        return client.send(request(target.object(bucket, key), STREAM_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .PUT(BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body), length)).build(),
                BodyHandlers.discarding()).statusCode();
    }

    /** GET whose body the caller reads (and must close) as it arrives. */
    HttpResponse<InputStream> getStream(String bucket, String key) throws IOException, InterruptedException {
        return client.send(request(target.object(bucket, key), STREAM_TIMEOUT).GET().build(),
                BodyHandlers.ofInputStream());
    }

    private static HttpRequest.Builder request(java.net.URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }
}
