package dev.mocks3.local.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A key is the UTF-8 its percent-escapes spell. Bytes that are no UTF-8 are refused as S3 refuses
 * them, instead of all becoming U+FFFD and so one and the same object.
 */
class ObjectKeyEncodingTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void keysThatAreNotUtf8Are400InvalidUriAndOverwriteNothing() throws Exception {
        String bucket = mocks3.newBucket("utf8");
        assertThat(send("PUT", "/" + bucket + "/%EF%BF%BD", "the replacement character").statusCode()).isEqualTo(200);
        for (String notUtf8 : List.of("%FF", "%ED%A0%80", "a%C3", "%C0%AF")) {
            for (String method : List.of("PUT", "GET", "DELETE")) {
                HttpResponse<String> response = send(method, "/" + bucket + "/" + notUtf8, method.equals("PUT") ? "alias" : null);
                assertThat(response.statusCode()).as(method + " " + notUtf8).isEqualTo(400);
                assertThat(response.body()).as(method + " " + notUtf8).contains("<Code>InvalidURI</Code>");
                assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
            }
        }
        assertThat(send("GET", "/" + bucket + "/%EF%BF%BD", null).body()).isEqualTo("the replacement character");
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
                .containsExactly("\uFFFD");
    }

    @Test
    void keyWithNulIs400InvalidArgumentNot500() throws Exception {
        String bucket = mocks3.newBucket("nul");
        for (String method : List.of("PUT", "GET", "HEAD", "DELETE")) {
            HttpResponse<String> response = send(method, "/" + bucket + "/a%00b", method.equals("PUT") ? "x" : null);
            assertThat(response.statusCode()).as(method).isEqualTo(400);
            if (!method.equals("HEAD")) {
                assertThat(response.body()).as(method).contains("<Code>InvalidArgument</Code>");
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(mocks3.uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return mocks3.http().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
