package dev.mocks3.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Requests signed with the AWS SDK v2's own SigV4 signer and sent with the JDK client, so a test can
 * add headers after signing, as someone on the way could.
 *
 * @param service the SigV4 service name ({@code s3}, or any for MockS3's own APIs)
 */
public record SignedHttp(HttpClient http, String accessKey, String secret, String service) {

    /** Signs method + uri + headers + body; {@code unsignedHeaders} are added afterwards. */
    public HttpResponse<String> send(String method, URI uri, String body, Map<String, String> signedHeaders,
                                     Map<String, String> unsignedHeaders) {
        return send(method, uri, body, body, signedHeaders, unsignedHeaders);
    }

    /** Signs {@code signedBody} but sends {@code sentBody}, as a request changed on the way would arrive. */
    public HttpResponse<String> send(String method, URI uri, String signedBody, String sentBody,
                                     Map<String, String> signedHeaders, Map<String, String> unsignedHeaders) {
        byte[] bytes = signedBody == null ? new byte[0] : signedBody.getBytes(StandardCharsets.UTF_8);
        byte[] sent = sentBody == null ? new byte[0] : sentBody.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(signedHeaders);
        if (service.equals("s3")) {
            // S3 wants the payload hash as a header; other services sign it only in the canonical request
            headers.putIfAbsent("x-amz-content-sha256", sha256(bytes));
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secret))
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)).request();
        HttpRequest.Builder send = HttpRequest.newBuilder(uri)
                .method(method, sent.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> send.header(name, v));
            }
        });
        unsignedHeaders.forEach(send::header);
        try {
            return http.sendAsync(send.build(), HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + uri + " failed", e);
        }
    }

    public HttpResponse<String> send(String method, URI uri, String body, Map<String, String> signedHeaders) {
        return send(method, uri, body, signedHeaders, Map.of());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
