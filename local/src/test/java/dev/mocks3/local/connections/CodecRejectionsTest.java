package dev.mocks3.local.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;

/**
 * Requests refused before any S3 operation runs (the HTTP codec cannot parse them, or Spring cannot
 * make a URI of them) get an S3 XML error with a request id like every other error, not an empty body.
 */
class CodecRejectionsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final String host = "Host: localhost:" + mocks3.endpoint().getPort() + "\r\n";

    @Test
    void badPercentEncodingIs400InvalidUri() {
        RawConnection.Response response = exchange("GET /some-bucket/%ZZ HTTP/1.1\r\n" + host + "\r\n");
        assertS3Error(response, 400, "InvalidURI");
    }

    @Test
    void malformedRequestLineIs400InvalidRequest() {
        RawConnection.Response response = exchange("THIS IS NOT HTTP\r\n\r\n");
        assertS3Error(response, 400, "InvalidRequest");
    }

    @Test
    void requestLineLongerThan16KbIs400InvalidUri() {
        RawConnection.Response response = exchange("GET /some-bucket/" + "k".repeat(17 * 1024) + " HTTP/1.1\r\n" + host + "\r\n");
        assertS3Error(response, 400, "InvalidURI");
    }

    @Test
    void headersLargerThan8KbAre400RequestHeaderSectionTooLarge() {
        RawConnection.Response response = exchange("GET /some-bucket HTTP/1.1\r\n" + host
                + "x-amz-meta-big: " + "v".repeat(9 * 1024) + "\r\n\r\n");
        assertS3Error(response, 400, "RequestHeaderSectionTooLarge");
    }

    @Test
    void badChunkFramingIs400InvalidRequestAndStoresNothing() {
        String bucket = mocks3.newBucket("chunks");
        RawConnection.Response response = exchange("PUT /" + bucket + "/k HTTP/1.1\r\n" + host
                + "Transfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n");
        assertS3Error(response, 400, "InvalidRequest");
        assertThat(response.body()).contains("<Resource>/" + bucket + "/k</Resource>");
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
    }

    private RawConnection.Response exchange(String request) {
        try (RawConnection connection = new RawConnection(mocks3.endpoint().getPort(), Duration.ofSeconds(10))) {
            return connection.send(request).read();
        }
    }

    private static void assertS3Error(RawConnection.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.header("Content-Type")).isEqualTo("application/xml");
        assertThat(response.header("x-amz-request-id")).isNotBlank().isEqualTo(response.requestId());
    }
}
