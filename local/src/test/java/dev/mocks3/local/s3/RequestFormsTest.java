package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.codec.net.BCodec;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.connections.RawConnection;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Request shapes real clients send: non-ASCII metadata, odd content codings, Expect, presigned expiry, raw bytes. */
class RequestFormsTest {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp curl = new RawHttp(mocks3);

    @Test
    void nonAsciiMetadataFromTheSdkIsStoredAndReturnedRfc2047Encoded() throws Exception {
        String bucket = mocks3.newBucket("meta");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").metadata(Map.of("city", "Zürich", "ascii", "plain text",
                "place", "Saint-Étienne du Rouvray")), RequestBody.fromString("v"));
        Map<String, String> meta = mocks3.s3().headObject(b -> b.bucket(bucket).key("k")).metadata();
        assertThat(meta.get("city")).isEqualTo("=?UTF-8?B?WsO8cmljaA==?=");
        assertThat(new BCodec().decode(meta.get("city"))).isEqualTo("Zürich");
        // one encoded word holds no blank: a value with spaces still decodes whole
        assertThat(meta.get("place")).doesNotContain(" ");
        assertThat(new BCodec().decode(meta.get("place"))).isEqualTo("Saint-Étienne du Rouvray");
        assertThat(meta.get("ascii")).isEqualTo("plain text");

        // a client that encodes the value itself gets the same text back
        mocks3.s3().putObject(b -> b.bucket(bucket).key("encoded").metadata(Map.of("name", "=?UTF-8?B?5pel5pys?=")),
                RequestBody.fromString("v"));
        String name = mocks3.s3().headObject(b -> b.bucket(bucket).key("encoded")).metadata().get("name");
        assertThat(new BCodec().decode(name)).isEqualTo("日本");
    }

    @Test
    void metadataSentAsRawUtf8BytesVerifiesAgainstTheBytesSent() throws Exception {
        String bucket = mocks3.newBucket("meta-utf8");
        URI uri = mocks3.uri("/" + bucket + "/k");
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri)
                        .putHeader("x-amz-meta-name", "日本").putHeader("x-amz-content-sha256", EMPTY_SHA256).build())
                .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)).request();
        StringBuilder head = new StringBuilder("PUT " + uri.getRawPath() + " HTTP/1.1\r\n");
        if (signed.firstMatchingHeader("Host").isEmpty()) {
            head.append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        }
        signed.headers().forEach((header, values) -> values.forEach(value -> head.append(header).append(": ")
                // what Go, JavaScript and curl put on the wire: the value's UTF-8 bytes
                .append(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).append("\r\n")));
        head.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        try (RawConnection connection = new RawConnection(uri.getPort(), Duration.ofSeconds(10))) {
            RawConnection.Response response = connection.send(head.toString()).read();
            assertThat(response.status()).as(response.text()).isEqualTo(200);
        }
        String name = mocks3.s3().headObject(b -> b.bucket(bucket).key("k")).metadata().get("name");
        assertThat(name).isEqualTo("=?UTF-8?B?5pel5pys?=");
    }

    @Test
    void awsChunkedAmongContentCodingsOfAPlainBodyIsDropped() {
        String bucket = mocks3.newBucket("gzip-chunked");
        HttpResponse<String> put = curl.send("PUT", "/" + bucket + "/k", "plain body", "Content-Encoding", "gzip, aws-chunked");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<String> get = curl.get("/" + bucket + "/k");
        assertThat(get.body()).isEqualTo("plain body");
        assertThat(get.headers().firstValue("Content-Encoding")).contains("gzip");
    }

    @Test
    void aKeyOfRawBytesThatAreNoUtf8Is400() {
        String bucket = mocks3.newBucket("raw-bytes");
        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            RawConnection.Response response = connection.send("GET /" + bucket + "/a\u00ffb HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").read();
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("InvalidURI");
        }
    }

    @Test
    void putWithExpect100ContinueGetsTheGoAheadAndStores() {
        String bucket = mocks3.newBucket("expect");
        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            connection.send("PUT /" + bucket + "/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertThat(connection.read().status()).isEqualTo(100);
            assertThat(connection.send("hello").read().status()).isEqualTo(200);
        }
        assertThat(curl.get("/" + bucket + "/k").body()).isEqualTo("hello");
    }

    @Test
    void presignedExpiryOfZeroNegativeOrBeyondAWeekIsAccessDenied() throws Exception {
        String bucket = mocks3.newBucket("presign-expiry");
        curl.send("PUT", "/" + bucket + "/k", "v");
        String url = mocks3.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofHours(1))
                .getObjectRequest(g -> g.bucket(bucket).key("k"))).url().toString();
        assertThat(get(url).statusCode()).isEqualTo(200);
        for (String expires : new String[] {"0", "-7", "604801"}) {
            HttpResponse<String> response = get(url.replace("X-Amz-Expires=3600", "X-Amz-Expires=" + expires));
            assertThat(response.statusCode()).as(expires).isEqualTo(403);
            assertThat(RawHttp.errorCode(response)).as(expires).isEqualTo("AccessDenied");
        }
        assertThat(get(url.replace("X-Amz-Expires=3600", "X-Amz-Expires=0")).body()).contains("Request has expired");
        assertThat(get(url.replace("X-Amz-Expires=3600", "X-Amz-Expires=604801")).body())
                .contains("X-Amz-Expires must be less than a week");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return mocks3.http().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
