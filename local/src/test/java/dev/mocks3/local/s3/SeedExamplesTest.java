package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;

/** The seed README's curl examples, verbatim in substance: unsigned, path-style requests. */
class SeedExamplesTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp curl = new RawHttp(mocks3);

    @Test
    void seedCurlExamplesCreateUploadDownloadListHeadAndDelete() {
        String bucket = MockS3Fixture.uniqueBucket("test-bucket");
        assertThat(curl.send("PUT", "/" + bucket + "/", null).statusCode()).isEqualTo(200);

        HttpResponse<String> put = curl.send("PUT", "/" + bucket + "/test.txt", "Hello MockS3!", "Content-Type", "text/plain");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).hasValue("\"3462cf0c3939cee8e9896998ecc67cda\"");

        HttpResponse<String> get = curl.get("/" + bucket + "/test.txt");
        assertThat(get.body()).isEqualTo("Hello MockS3!");
        assertThat(get.headers().firstValue("Content-Type")).hasValue("text/plain");

        HttpResponse<String> list = curl.get("/" + bucket + "/");
        assertThat(list.body()).contains("<Key>test.txt</Key>").contains("<Size>13</Size>");

        HttpResponse<String> head = curl.send("HEAD", "/" + bucket + "/test.txt", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("13");
        assertThat(head.body()).isEmpty();

        assertThat(curl.send("DELETE", "/" + bucket + "/test.txt", null).statusCode()).isEqualTo(204);
        assertThat(curl.get("/" + bucket + "/test.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void healthAnswersUp() {
        HttpResponse<String> health = curl.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void virtualHostedStyleAddressesTheBucketByHostName() throws Exception {
        String bucket = mocks3.newBucket("vhost");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("v.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("virtual"));
        // the JDK client refuses to set Host, so speak HTTP/1.1 on a socket
        try (var socket = new java.net.Socket("127.0.0.1", mocks3.endpoint().getPort())) {
            socket.getOutputStream().write(("GET /v.txt HTTP/1.1\r\nHost: " + bucket + ".localhost:" + mocks3.endpoint().getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("virtual");
        }
    }
}
