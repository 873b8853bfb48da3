package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.connections.RawConnection;

/**
 * Legacy Signature Version 2, signed by hand as the S3 documentation describes (HMAC-SHA1 of
 * method, Content-MD5, Content-Type, Date, the x-amz- headers and the resource with its sub-resources).
 */
class SigV2Test {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void headerSignedRequestsWithXAmzDateAreServed() throws Exception {
        String bucket = MockS3Fixture.uniqueBucket("sigv2");
        assertThat(send("PUT", "/" + bucket, "", null, MockS3Fixture.SECRET_KEY).statusCode()).isEqualTo(200);
        HttpResponse<String> put = send("PUT", "/" + bucket + "/dir/a%20b.txt", "hello v2", "text/plain", MockS3Fixture.SECRET_KEY,
                "x-amz-meta-Color", " blue ", "X-Amz-Meta-Shape", "round");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        HttpResponse<String> get = send("GET", "/" + bucket + "/dir/a%20b.txt", null, null, MockS3Fixture.SECRET_KEY);
        assertThat(get.body()).isEqualTo("hello v2");
        assertThat(get.headers().firstValue("x-amz-meta-color")).contains("blue");
        // sub-resources are part of the signed resource
        HttpResponse<String> uploads = send("GET", "/" + bucket + "?uploads", null, null, MockS3Fixture.SECRET_KEY);
        assertThat(uploads.statusCode()).as(uploads.body()).isEqualTo(200);
        assertThat(uploads.body()).contains("<ListMultipartUploadsResult");
        // a plain query parameter is not
        HttpResponse<String> listing = send("GET", "/" + bucket + "?prefix=dir%2F", null, null, MockS3Fixture.SECRET_KEY);
        assertThat(listing.body()).contains("<Key>dir/a b.txt</Key>");
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatchAndAnUnknownKeyInvalidAccessKeyId() throws Exception {
        HttpResponse<String> wrong = send("GET", "/", null, null, "not-the-secret");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(wrong)).isEqualTo("SignatureDoesNotMatch");
        assertThat(wrong.body()).contains("<StringToSign>GET\n\n\n\nx-amz-date:");

        String date = httpDate(Instant.now());
        HttpResponse<String> unknown = mocks3.http().send(HttpRequest.newBuilder(mocks3.uri("/"))
                .header("x-amz-date", date).header("Authorization", "AWS nobody:" + sign("secret", "GET\n\n\n\nx-amz-date:" + date + "\n/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(unknown)).isEqualTo("InvalidAccessKeyId");
    }

    @Test
    void theDateHeaderIsSignedWhenThereIsNoXAmzDate() {
        String bucket = mocks3.newBucket("sigv2-date");
        String date = httpDate(Instant.now());
        String signature = sign(MockS3Fixture.SECRET_KEY, "GET\n\n\n" + date + "\n/" + bucket);
        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            RawConnection.Response response = connection.send("GET /" + bucket + " HTTP/1.1\r\nHost: localhost\r\nDate: " + date
                    + "\r\nAuthorization: AWS " + MockS3Fixture.ACCESS_KEY + ":" + signature + "\r\n\r\n").read();
            assertThat(response.status()).as(response.text()).isEqualTo(200);

            String stale = httpDate(Instant.now().minus(Duration.ofMinutes(20)));
            String staleSignature = sign(MockS3Fixture.SECRET_KEY, "GET\n\n\n" + stale + "\n/" + bucket);
            RawConnection.Response skewed = connection.send("GET /" + bucket + " HTTP/1.1\r\nHost: localhost\r\nDate: " + stale
                    + "\r\nAuthorization: AWS " + MockS3Fixture.ACCESS_KEY + ":" + staleSignature + "\r\n\r\n").read();
            assertThat(skewed.status()).isEqualTo(403);
            assertThat(skewed.errorCode()).isEqualTo("RequestTimeTooSkewed");
        }
    }

    @Test
    void aDateIsJudgedByItsDayNotItsWeekdayAndOneBefore1970IsInvalid() {
        String bucket = mocks3.newBucket("sigv2-weekday");
        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            // 7 July 2010 was a Wednesday, 7 July 2030 is a Sunday: S3 calls both skewed, not malformed
            for (String date : List.of("Tue, 07 Jul 2010 21:53:04 GMT", "Tue, 07 Jul 2030 21:53:04 GMT",
                    "Tue, 07 Jul 9999 21:53:04 GMT")) {
                RawConnection.Response skewed = sendDated(connection, bucket, date);
                assertThat(skewed.status()).as(date).isEqualTo(403);
                assertThat(skewed.errorCode()).as(date).isEqualTo("RequestTimeTooSkewed");
            }
            RawConnection.Response beforeEpoch = sendDated(connection, bucket, "Fri, 07 Jul 1950 21:53:04 GMT");
            assertThat(beforeEpoch.status()).isEqualTo(403);
            assertThat(beforeEpoch.errorCode()).isEqualTo("AccessDenied");
            String today = DateTimeFormatter.ofPattern("'Thu,' dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ROOT)
                    .format(Instant.now().atOffset(ZoneOffset.UTC));
            assertThat(sendDated(connection, bucket, today).status()).as("today under a wrong weekday name").isEqualTo(200);
        }
    }

    /** A ListObjects of {@code bucket} dated by x-amz-date {@code date}, correctly signed. */
    private static RawConnection.Response sendDated(RawConnection connection, String bucket, String date) {
        String signature = sign(MockS3Fixture.SECRET_KEY, "GET\n\n\n\nx-amz-date:" + date + "\n/" + bucket);
        return connection.send("GET /" + bucket + " HTTP/1.1\r\nHost: localhost\r\nx-amz-date: " + date
                + "\r\nAuthorization: AWS " + MockS3Fixture.ACCESS_KEY + ":" + signature + "\r\n\r\n").read();
    }

    @Test
    void aBucketRequestSignedWithTheBucketsTrailingSlashIsServed() {
        // botocore's SigV2 ("s3" signature) signs /bucket/ for a path-style request it sends to /bucket
        String bucket = MockS3Fixture.uniqueBucket("sigv2-slash");
        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            for (String method : new String[] {"PUT", "GET"}) {
                String date = httpDate(Instant.now());
                String signature = sign(MockS3Fixture.SECRET_KEY, method + "\n\n\n" + date + "\n/" + bucket + "/");
                RawConnection.Response response = connection.send(method + " /" + bucket + " HTTP/1.1\r\nHost: localhost\r\nDate: "
                        + date + "\r\nContent-Length: 0\r\nAuthorization: AWS " + MockS3Fixture.ACCESS_KEY + ":" + signature
                        + "\r\n\r\n").read();
                assertThat(response.status()).as(method + " " + response.text()).isEqualTo(200);
            }
            String date = httpDate(Instant.now());
            String otherPath = sign(MockS3Fixture.SECRET_KEY, "GET\n\n\n" + date + "\n/" + bucket + "/x");
            RawConnection.Response refused = connection.send("GET /" + bucket + " HTTP/1.1\r\nHost: localhost\r\nDate: " + date
                    + "\r\nAuthorization: AWS " + MockS3Fixture.ACCESS_KEY + ":" + otherPath + "\r\n\r\n").read();
            assertThat(refused.errorCode()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void queryStringSignedUrlsWorkUntilTheyExpire() throws Exception {
        String bucket = mocks3.newBucket("sigv2-query");
        new RawHttp(mocks3).send("PUT", "/" + bucket + "/k", "presigned v2");
        long expires = Instant.now().plusSeconds(300).getEpochSecond();
        String signature = sign(MockS3Fixture.SECRET_KEY, "GET\n\n\n" + expires + "\n/" + bucket + "/k");
        HttpResponse<String> ok = get("/" + bucket + "/k?AWSAccessKeyId=" + MockS3Fixture.ACCESS_KEY + "&Expires=" + expires
                + "&Signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("presigned v2");

        long past = Instant.now().minusSeconds(10).getEpochSecond();
        String pastSignature = sign(MockS3Fixture.SECRET_KEY, "GET\n\n\n" + past + "\n/" + bucket + "/k");
        HttpResponse<String> expired = get("/" + bucket + "/k?AWSAccessKeyId=" + MockS3Fixture.ACCESS_KEY + "&Expires=" + past
                + "&Signature=" + URLEncoder.encode(pastSignature, StandardCharsets.UTF_8));
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(expired)).isEqualTo("AccessDenied");
        assertThat(expired.body()).contains("Request has expired");

        HttpResponse<String> tampered = get("/" + bucket + "/k?AWSAccessKeyId=" + MockS3Fixture.ACCESS_KEY + "&Expires=" + (expires + 1)
                + "&Signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8));
        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(tampered)).isEqualTo("SignatureDoesNotMatch");
    }

    /** A request signed with SigV2 in the Authorization header, dated by x-amz-date; {@code amzHeaders} are name/value pairs. */
    private HttpResponse<String> send(String method, String pathAndQuery, String body, String contentType, String secret,
                                      String... amzHeaders) throws Exception {
        String date = httpDate(Instant.now());
        StringBuilder canonicalHeaders = new StringBuilder();
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        sorted.put("x-amz-date", date);
        for (int i = 0; i < amzHeaders.length; i += 2) {
            sorted.put(amzHeaders[i].toLowerCase(java.util.Locale.ROOT), amzHeaders[i + 1].strip());
        }
        sorted.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
        String resource = resource(pathAndQuery);
        String stringToSign = method + "\n\n" + (contentType == null ? "" : contentType) + "\n\n" + canonicalHeaders + resource;
        HttpRequest.Builder request = HttpRequest.newBuilder(mocks3.uri(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("x-amz-date", date)
                .header("Authorization", "AWS " + MockS3Fixture.ACCESS_KEY + ":" + sign(secret, stringToSign));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < amzHeaders.length; i += 2) {
            request.header(amzHeaders[i], amzHeaders[i + 1]);
        }
        return mocks3.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The path as sent and only the sub-resources of the query ({@code uploads} here). */
    private static String resource(String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        if (question < 0) {
            return pathAndQuery;
        }
        String query = pathAndQuery.substring(question + 1);
        return pathAndQuery.substring(0, question) + (query.equals("uploads") ? "?uploads" : "");
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return mocks3.http().send(HttpRequest.newBuilder(URI.create(mocks3.endpoint() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String httpDate(Instant time) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
    }

    private static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
